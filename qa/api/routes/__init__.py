"""One router per group of routes; the app includes them all."""
