# PolicyQA: slim Python 3.11 image; the index for the bundled notices is built at image build time.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 \
    POLICYQA_DATA_DIR=/app/var POLICYQA_HOST=0.0.0.0 POLICYQA_PORT=8000
WORKDIR /app
# LibreOffice converts legacy .doc/.wps/.rtf/.odt notices to .docx (ingest/readers/office.py).
RUN apt-get update && apt-get install -y --no-install-recommends libreoffice-writer-nogui \
    && rm -rf /var/lib/apt/lists/*

COPY pyproject.toml README.md ./
COPY policyqa ./policyqa
COPY ingest ./ingest
COPY index ./index
COPY service ./service
COPY eval ./eval
COPY prompts ./prompts
COPY data ./data
# The milvus extra lets the same image run as the ingest job or a replica of deploy/compose.yaml.
RUN pip install -e ".[milvus]" && policyqa ingest data/notices

RUN useradd --system --home /app policyqa && chown -R policyqa /app/var
USER policyqa
EXPOSE 8000
HEALTHCHECK CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/readyz')"
CMD ["policyqa", "serve", "--host", "0.0.0.0"]
