"""Settings come from POLICYQA_* variables and a .env file; bad values are one line naming the variable."""

import pytest

from qa.settings import Settings, SettingsError, effective_settings, load_settings


def test_dotenv_file_is_read_and_environment_wins(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / ".env").write_text("POLICYQA_PORT=9100\nPOLICYQA_MAX_IN_FLIGHT=3\n", encoding="utf-8")
    assert Settings().port == 9100 and Settings().max_in_flight == 3
    monkeypatch.setenv("POLICYQA_PORT", "9200")
    assert Settings().port == 9200


def test_bad_values_name_the_variable_in_one_line(monkeypatch):
    monkeypatch.setenv("POLICYQA_MAX_IN_FLIGHT", "0")
    monkeypatch.setenv("POLICYQA_ADMIN_KEY", "")
    with pytest.raises(SettingsError) as info:
        load_settings()
    message = str(info.value)
    assert "\n" not in message
    assert message.startswith("bad setting: POLICYQA_MAX_IN_FLIGHT='0': Input should be greater than")


def test_secrets_are_masked_in_effective_settings():
    shown = effective_settings(Settings(search_key="abc", admin_key=None))
    assert shown["search_key"] == "********" and shown["admin_key"] is None
    assert shown["index_path"] == "var/index"


def test_a_blank_key_means_no_key(monkeypatch):
    monkeypatch.setenv("POLICYQA_SEARCH_KEY", " ")
    assert Settings().search_key is None


def test_llm_settings_are_off_by_default_and_checked():
    settings = Settings(_env_file=None)
    assert settings.llm_url is None and settings.llm_api_key is None
    assert load_settings(llm_url="").llm_url is None
    with pytest.raises(SettingsError, match=r"POLICYQA_LLM_URL='127\.0\.0\.1:8080'"):
        load_settings(llm_url="127.0.0.1:8080")
    with pytest.raises(SettingsError, match="POLICYQA_LLM_TIMEOUT"):
        load_settings(llm_timeout=0)
