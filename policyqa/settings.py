"""One settings class, read from `POLICYQA_*` environment variables (and an optional `.env`)."""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field, field_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

from policyqa import PROJECT_ROOT


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="POLICYQA_", env_file=".env", extra="ignore")

    # Where the SQLite clause store and the versioned indexes live.
    data_dir: Path = PROJECT_ROOT / "var"
    # The bundled notices that `make run` ingests when nothing is built yet.
    notices_dir: Path = PROJECT_ROOT / "data" / "notices"
    # Knowledge curated for the corpus served: `agencies.json` (official English names of its agencies, by place)
    # and `glossary.tsv` (its own terms, read after the general glossary). Either may be missing: agencies then get
    # generated English names, and only the general glossary applies.
    curated_dir: Path = PROJECT_ROOT / "data"

    # Embedding backend: "e5-small-q4" (bundled, default), "sentence-transformers:<name or path>",
    # "openai:<model>" (an OpenAI-compatible /v1/embeddings server at embed_base_url), or "hash" (tests only).
    embedder: str = "e5-small-q4"
    embed_base_url: str = ""
    embed_api_key: str = ""

    # Where clauses are searched: "faiss" (FAISS + bm25s files under data_dir, the embedded default) or "milvus"
    # (a Milvus server or a Milvus Lite file: API replicas then hold no corpus; `policyqa ingest` is the one writer).
    backend: Literal["faiss", "milvus"] = "faiss"
    # A local path (Milvus Lite, in this process) or http://host:19530 (Milvus standalone/cluster, or the
    # `milvus-lite server` gRPC server). Empty: <data_dir>/milvus.db.
    milvus_uri: str = ""
    milvus_token: str = ""
    # The alias queries go through; versions are <alias>_v<time>_<hash> collections.
    milvus_collection: str = Field(default="policyqa", pattern=r"^[A-Za-z_][A-Za-z0-9_]{0,100}$")
    # The tokenizer of the BM25 field, which holds our own space-joined tokens: "whitespace" on a Milvus server
    # (its "standard" one would cut Chinese words into characters); Milvus Lite falls back to its standard (\w+).
    milvus_tokenizer: str = "whitespace"
    milvus_timeout_s: float = Field(default=10.0, gt=0)
    # Versions kept after a switch (the live one included): replicas still on the previous one move within seconds.
    milvus_keep_versions: int = Field(default=2, ge=1)
    # An ingest whose store lacks notices the live Milvus version holds is refused (it is most likely another data
    # dir than the ingest job's); set true to replace the corpus on purpose.
    milvus_allow_drop: bool = False

    # Retrieval.
    top_k: int = Field(default=5, ge=1, le=50)
    rrf_k: int = Field(default=60, ge=1)
    weight_dense: float = Field(default=1.0, ge=0)
    weight_bm25: float = Field(default=0.5, ge=0)
    # Abstention: the dense-score floor under which nothing is answered, for a non-default embedder (calibrate it
    # with `policyqa eval`); answerability itself is decided from the evidence.
    abstain_dense_floor: float | None = None
    # Recent query vectors kept in memory (0 = off): a repeated question skips the embedding model.
    query_cache_size: int = Field(default=4096, ge=0)
    # Above this many vectors the dense index switches from exact inner product to HNSW.
    ann_threshold: int = Field(default=50_000, ge=1)

    # Optional LLM (OpenAI-compatible chat endpoint: vLLM, Ollama, DeepSeek, Qwen...).
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout_s: float = Field(default=20.0, gt=0)

    # HTTP edge.
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=1, le=65535)
    # Server processes. Each holds its own engine (~220 MB with e5-small-q4) and follows reindexes through the
    # index's CURRENT pointer; rate limits are shared only with
    # rate_limit_storage=redis://. The e5 engine already uses every core, so on two
    # cores one worker is fastest (see `policyqa bench`); add workers on bigger machines.
    workers: int = Field(default=1, ge=1, le=32)
    max_question_chars: int = Field(default=1000, ge=1)
    # Questions are short (the gold set's longest is 59 model tokens); embedding cost grows faster than length
    # (16 tokens ~0.1 s, 128 ~0.4 s, 512 ~1.9 s on two cores), so one long question costs many short ones.
    max_question_tokens: int = Field(default=128, ge=8, le=512)
    max_top_k: int = Field(default=20, ge=1)
    cors_origins: list[str] = []
    admin_key: str = ""
    max_upload_bytes: int = Field(default=2_000_000, ge=1)
    rate_limit_per_minute: int = Field(default=600, ge=1)
    max_in_flight: int = Field(default=64, ge=1)
    max_in_flight_per_client: int = Field(default=8, ge=1)
    # Where rate-limit budgets live: "memory://" (per process) or "redis://host:port" (shared by every worker
    # and replica). Clients are told apart by address; X-Forwarded-For is believed only from these CIDRs.
    rate_limit_storage: str = "memory://"
    trusted_proxies: list[str] = []
    # Slow and idle clients: headers must arrive within header_timeout_s of connecting (or of the last response),
    # a body within body_timeout_s of its headers; idle keep-alive connections close after idle_timeout_s.
    header_timeout_s: float = Field(default=10.0, gt=0)
    body_timeout_s: float = Field(default=10.0, gt=0)
    idle_timeout_s: float = Field(default=5.0, gt=0)
    shutdown_timeout_s: float = Field(default=5.0, gt=0)
    max_connections_per_client: int = Field(default=32, ge=1)
    max_connections: int = Field(default=2048, ge=16)
    # JSON bodies of the /v1 routes (a question, a chat): far above any real request.
    max_body_bytes: int = Field(default=64_000, ge=1024)
    log_format: str = Field(default="json", pattern="^(json|text)$")

    @field_validator("cors_origins")
    @classmethod
    def _no_wildcard(cls, v: list[str]) -> list[str]:
        if "*" in v:
            raise ValueError("POLICYQA_CORS_ORIGINS must list origins explicitly; '*' is refused")
        return v

    @field_validator("trusted_proxies")
    @classmethod
    def _cidrs(cls, v: list[str]) -> list[str]:
        import ipaddress

        for cidr in v:
            try:
                ipaddress.ip_network(cidr.strip(), strict=False)
            except ValueError as e:
                raise ValueError(f"POLICYQA_TRUSTED_PROXIES: {cidr!r} is not an address or CIDR ({e})") from e
        return v

    @field_validator("rate_limit_storage")
    @classmethod
    def _storage(cls, v: str) -> str:
        if not v.startswith(("memory://", "redis://", "rediss://", "valkey://", "valkeys://")):
            raise ValueError("POLICYQA_RATE_LIMIT_STORAGE must be memory:// or redis://host:port")
        return v

    @field_validator("admin_key")
    @classmethod
    def _strong_admin_key(cls, v: str) -> str:
        if v and len(v) < 16:
            raise ValueError("POLICYQA_ADMIN_KEY must be at least 16 characters (or empty to disable admin routes)")
        return v

    @property
    def db_path(self) -> Path:
        return self.data_dir / "policyqa.sqlite3"

    @property
    def index_root(self) -> Path:
        return self.data_dir / "index"

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url and self.llm_model)


def get_settings() -> Settings:
    return Settings()
