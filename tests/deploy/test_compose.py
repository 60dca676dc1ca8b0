"""compose.yaml: the production topology, checked by the compose client where one is installed
(validates with the example env file, refuses to render without each secret) and by reading
the file itself (replicas, healthchecks, one-shot services, what reaches what)."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.deploy.compose_client import (
    ROOT,
    compose_config,
    read_env_file,
    rendered,
    write_env_file,
)

EXAMPLE = ROOT / "deploy" / "env.example"
APPS = ("app-1", "app-2")
ONE_SHOTS = ("migrate", "ingest", "ollama-pull")


def _compose() -> dict[str, Any]:
    document = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    assert isinstance(document, dict)
    return document


SERVICES: dict[str, Any] = _compose()["services"]
REQUIRED = sorted(
    set(re.findall(r"\$\{(\w+):\?", (ROOT / "compose.yaml").read_text(encoding="utf-8")))
)


def test_two_app_replicas_behind_the_proxy_on_the_same_image() -> None:
    assert SERVICES["app-1"] == SERVICES["app-2"]
    assert SERVICES["proxy"]["image"].startswith("nginx:")
    waits = SERVICES["proxy"]["depends_on"]
    assert {name: waits[name]["condition"] for name in APPS} == dict.fromkeys(
        APPS, "service_healthy"
    )
    template = (ROOT / "deploy" / "nginx" / "opencounter.conf.template").read_text("utf-8")
    placeholders = set(re.findall(r"\$\{(OPENCOUNTER_\w+)\}", template))
    assert placeholders == set(SERVICES["proxy"]["environment"])
    assert SERVICES["proxy"]["environment"]["OPENCOUNTER_UPSTREAM_1"] == "app-1:8000"
    assert SERVICES["proxy"]["environment"]["OPENCOUNTER_UPSTREAM_2"] == "app-2:8000"


def test_the_apps_trust_only_the_proxys_fixed_address() -> None:
    proxy_address = SERVICES["proxy"]["networks"]["edge"]["ipv4_address"]
    env = SERVICES["app-1"]["environment"]
    assert env["OPENCOUNTER_TRUSTED_PROXIES"] == proxy_address


def test_the_apps_run_in_production_on_the_shared_parts() -> None:
    env = SERVICES["app-1"]["environment"]
    assert env["OPENCOUNTER_ENVIRONMENT"] == "production"
    assert env["OPENCOUNTER_DATABASE_URL"].startswith("postgresql+psycopg://")
    assert env["OPENCOUNTER_EVENTS_BACKEND"] == "postgres"  # live events across replicas
    assert env["OPENCOUNTER_VECTOR_STORE"] == "chroma_http"
    assert env["OPENCOUNTER_CHROMA_URL"] == "http://chroma:8000"
    assert env["OPENCOUNTER_OLLAMA_URL"] == "http://ollama:11434"
    assert env["OPENCOUNTER_JSON_LOGS"] == "true"
    assert env["OPENCOUNTER_PUBLIC_URL"].startswith("${OPENCOUNTER_PUBLIC_URL:?")


def test_every_long_running_service_with_a_healthcheck_has_a_start_period() -> None:
    checked = [name for name, s in SERVICES.items() if "healthcheck" in s]
    for name in checked:
        check = SERVICES[name]["healthcheck"]
        if check.get("disable"):
            assert name in (*ONE_SHOTS, "scheduler"), f"{name} switched its healthcheck off"
            continue
        assert "start_period" in check, name
    assert {"proxy", "app-1", "app-2", "postgres", "ollama", "chroma"} <= set(checked)
    # The apps and the ingest wait for a Chroma server that answers its heartbeat.
    for name in ("app-1", "ingest"):
        assert SERVICES[name]["depends_on"]["chroma"]["condition"] == "service_healthy", name
    assert "/api/v2/heartbeat" in " ".join(SERVICES["chroma"]["healthcheck"]["test"])


def test_one_shots_run_before_the_apps_and_the_apps_do_not_ingest() -> None:
    waits = SERVICES["app-1"]["depends_on"]
    assert waits["ingest"]["condition"] == "service_completed_successfully"
    assert waits["ollama-pull"]["condition"] == "service_completed_successfully"
    assert SERVICES["ingest"]["depends_on"]["migrate"]["condition"] == (
        "service_completed_successfully"
    )
    assert SERVICES["migrate"]["command"] == ["opencounter", "db", "upgrade"]
    assert SERVICES["ingest"]["command"][:2] == ["opencounter", "ingest"]
    assert "command" not in SERVICES["app-1"]  # the image's entrypoint: upgrade, then serve
    for name in ONE_SHOTS:
        assert SERVICES[name]["restart"] == "no", name
    assert SERVICES["ollama-pull"]["entrypoint"][:2] == ["ollama", "pull"]


def test_the_scheduler_runs_retention_and_checkpoints() -> None:
    script = SERVICES["scheduler"]["command"][-1]
    assert "opencounter audit checkpoint" in script
    assert 'opencounter audit retention --older-than "${OPENCOUNTER_RETENTION:-90d}"' in script
    promise = (ROOT / "bot" / "config" / "transparency.yaml").read_text(encoding="utf-8")
    assert "90 days" in promise  # the retention default keeps the record's word


def test_the_witness_is_independent_of_the_apps_database_and_keys() -> None:
    witness = SERVICES["witness"]
    assert set(witness["environment"]) == {"WITNESS_SIGNING_KEY", "OPENCOUNTER_LOG_PUBLIC_KEY"}
    assert witness["networks"] == ["edge"]  # not on the database's network
    assert witness["volumes"] == ["witness-data:/witness"]
    assert "--log-url http://proxy" in witness["command"][-1]


def test_only_the_proxy_publishes_ports_in_production() -> None:
    published = sorted(name for name, s in SERVICES.items() if "ports" in s)
    assert published == ["proxy"]


def test_it_validates_with_the_example_env_file(tmp_path: Path) -> None:
    document = rendered(compose_config(EXAMPLE, "compose.yaml"))
    services = document["services"]
    assert isinstance(services, dict)
    assert {"proxy", *APPS, *ONE_SHOTS, "scheduler", "witness", "postgres", "chroma"} <= set(
        services
    )
    env = services["app-2"]["environment"]
    assert env["OPENCOUNTER_PUBLIC_URL"] == "https://assistant.city.example"
    assert "127.0.0.1" not in env["OPENCOUNTER_PUBLIC_URL"]


def test_the_example_env_file_holds_every_required_variable() -> None:
    assert REQUIRED, "compose.yaml requires no variable"
    assert set(REQUIRED) <= set(read_env_file(EXAMPLE))


@pytest.mark.parametrize("name", REQUIRED)
def test_it_refuses_to_render_without_each_secret(name: str, tmp_path: Path) -> None:
    values = read_env_file(EXAMPLE)
    del values[name]
    result = compose_config(write_env_file(tmp_path / "env", values), "compose.yaml")
    assert result.returncode != 0
    assert name in result.stderr  # the message says which variable to set


def test_the_development_override_validates_and_publishes_on_loopback_only() -> None:
    document = rendered(compose_config(EXAMPLE, "compose.yaml", "compose.override.yaml"))
    services = document["services"]
    assert isinstance(services, dict)
    assert services["app-1"]["environment"]["OPENCOUNTER_ENVIRONMENT"] == "development"
    for name, service in services.items():
        if name == "proxy":
            continue
        for port in service.get("ports", []):
            text = port if isinstance(port, str) else str(port.get("host_ip", ""))
            assert text.startswith("127.0.0.1"), (name, port)


def test_the_prometheus_example_scrapes_each_replica_with_the_token() -> None:
    example = yaml.safe_load((ROOT / "deploy" / "prometheus.yml").read_text(encoding="utf-8"))
    job = example["scrape_configs"][0]
    assert job["authorization"]["type"] == "Bearer"
    targets = job["static_configs"][0]["targets"]
    assert sorted(targets) == [f"{name}:8000" for name in APPS]
    assert "backend" in SERVICES["app-1"]["networks"]
