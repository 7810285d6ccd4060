# rte-action container image: two stages, so the final image holds the installed packages and no pip cache.
# Every dependency is a wheel pinned by hash (requirements.txt), so no compiler is ever needed.

FROM python:3.12-slim-bookworm AS deps
ENV PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1
COPY requirements.txt /tmp/requirements.txt
RUN python -m venv /opt/venv \
    && /opt/venv/bin/pip install --no-cache-dir --require-hashes --only-binary=:all: -r /tmp/requirements.txt \
    && /opt/venv/bin/pip uninstall --yes pip

FROM python:3.12-slim-bookworm
LABEL org.opencontainers.image.source="https://github.com/org/rte-action" \
      org.opencontainers.image.description="rte release gate: gates, PR body and release plan from feature docs" \
      org.opencontainers.image.licenses="MIT"
ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PATH="/opt/venv/bin:${PATH}"

# git is needed for changed-feature discovery and the merge-conflict gate.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git=1:2.* \
    && rm -rf /var/lib/apt/lists/*

COPY --from=deps /opt/venv /opt/venv
COPY rte/ /opt/rte/rte/
COPY templates/ /opt/rte/templates/
COPY entrypoint.py /opt/rte/entrypoint.py
RUN python -m compileall -q /opt/rte/rte

ENTRYPOINT ["python", "/opt/rte/entrypoint.py"]
