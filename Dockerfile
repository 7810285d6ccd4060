FROM python:3.12-slim

ENV PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# git is needed for changed-feature discovery and the merge-conflict gate.
RUN apt-get update \
    && apt-get install -y --no-install-recommends git=1:2.* \
    && rm -rf /var/lib/apt/lists/*

COPY requirements.txt /opt/rte/requirements.txt
RUN pip install --no-cache-dir -r /opt/rte/requirements.txt

COPY rte/ /opt/rte/rte/
COPY templates/ /opt/rte/templates/
COPY entrypoint.py /opt/rte/entrypoint.py
RUN python -m compileall -q /opt/rte/rte

ENTRYPOINT ["python", "/opt/rte/entrypoint.py"]
