# policyqa as a container: multi-stage, non-root, index on a volume, /readyz as the health check.
#   podman build --format docker -t policyqa .   (or docker build; the docker format keeps HEALTHCHECK)
#   podman run -p 8000:8000 -v policyqa-index:/var/lib/policyqa policyqa
# BASE lets a network without a registry build from a local Debian/Python image (see README, Deployment).
ARG BASE=docker.io/library/python:3.11-slim-bookworm

FROM ${BASE} AS build
ENV PIP_DISABLE_PIP_VERSION_CHECK=1 PIP_NO_CACHE_DIR=1
RUN python3 -m venv /opt/policyqa
WORKDIR /src
COPY pyproject.toml README.md LICENSE CHANGELOG.md ./
COPY corpus corpus
COPY index index
COPY qa qa
COPY eval eval
RUN /opt/policyqa/bin/pip install --no-compile . \
 && /opt/policyqa/bin/policyqa --version

FROM ${BASE}
COPY --from=build /opt/policyqa /opt/policyqa
RUN useradd --system --uid 10001 --home-dir /var/lib/policyqa --create-home policyqa
USER policyqa
WORKDIR /var/lib/policyqa
ENV PATH=/opt/policyqa/bin:$PATH \
    POLICYQA_HOST=0.0.0.0 \
    POLICYQA_PORT=8000 \
    POLICYQA_INDEX_PATH=/var/lib/policyqa/index \
    POLICYQA_DATA_PATH=/var/lib/policyqa/data \
    POLICYQA_LOG_FORMAT=json \
    TMPDIR=/var/lib/policyqa/tmp \
    PYTHONUNBUFFERED=1
VOLUME ["/var/lib/policyqa"]
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 \
  CMD ["python3", "-c", "import os, sys, urllib.request; port = os.environ.get('POLICYQA_PORT', '8000'); sys.exit(urllib.request.urlopen(f'http://127.0.0.1:{port}/readyz', timeout=2).status != 200)"]
# TMPDIR on the volume keeps jieba's dictionary cache across restarts (rebuilding it costs seconds).
CMD ["sh", "-c", "mkdir -p \"$TMPDIR\" && exec policyqa serve"]
