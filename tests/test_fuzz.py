"""The API fuzzed from its own OpenAPI document: whatever is sent, no answer is a 5xx."""

from __future__ import annotations

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.generation import GenerationMode

from feedback_api.app import create_app
from feedback_api.settings import Settings
from helpcenter.manifest import FILE_NAME, write_manifest
from tests.report_data import MANIFEST


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory):
    work = tmp_path_factory.mktemp("fuzz")
    write_manifest(work, MANIFEST)
    app = create_app(Settings(database_url=f"sqlite:///{work / 'feedback.sqlite3'}", manifest=work / FILE_NAME,
                              site_dir=None, rate_limit=1_000_000))
    return schemathesis.openapi.from_asgi("/api/v1/openapi.json", app)


OPERATIONS = [("POST", "/api/v1/votes"), ("POST", "/api/v1/events"), ("GET", "/api/v1/health")]


# The health check takes no input, so nothing can break its schema: it gets positive cases only.
CASES = [(method, path, mode) for method, path in OPERATIONS for mode in GenerationMode
         if method == "POST" or mode is GenerationMode.POSITIVE]


@pytest.mark.parametrize(("method", "path", "mode"), CASES, ids=lambda value: getattr(value, "value", value))
def test_no_input_makes_the_api_fail(api_schema, method: str, path: str, mode: GenerationMode) -> None:
    """Positive cases follow the schema; negative ones break it (wrong types, missing and extra fields)."""
    operation = api_schema[path][method]

    @given(case=operation.as_strategy(generation_mode=mode))
    @settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
    def check(case) -> None:
        response = case.call()
        assert response.status_code < 500, f"{case.method} {case.path} {case.body!r} -> {response.status_code}"
        if response.status_code >= 400:
            assert response.json()["error"], "every refusal says why"

    check()


def test_the_schema_documents_every_route(api_schema) -> None:
    operations = {(result.ok().method.upper(), result.ok().path) for result in api_schema.get_all_operations()}
    assert operations == set(OPERATIONS)
