"""The README's Kubernetes manifests: valid against Kubernetes' own schemas (strict, so
a misspelt field fails), yamllint-clean, and consistent -- with each other (selectors,
ports, secret keys) and with nbstream (the container runs ``nbstream serve`` with
options that exist, ``NBSTREAM_*`` variables that name options, a ``secrets.toml`` that
``st.login`` accepts, mounted where the image's working directory looks for it).
No cluster runs them here."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

import kubernetes_validate
import pytest
import yaml
from yamllint import config as yamllint_config
from yamllint import linter

from nbstream import cli, config

ROOT = Path(__file__).resolve().parents[2]
KUBERNETES_VERSION = "1.37.0"


def _section() -> str:
    readme = (ROOT / "README.md").read_text()
    match = re.search(r"^### On Kubernetes\n(.*?)(?=^#{2,3} )", readme, re.S | re.M)
    assert match is not None, "the README has an 'On Kubernetes' section"
    return match.group(1)


def _block(language: str) -> str:
    blocks = re.findall(rf"^```{language}\n(.*?)^```", _section(), re.S | re.M)
    assert len(blocks) == 1, f"one {language} block in the Kubernetes section"
    return blocks[0]


MANIFEST = _block("yaml")
DOCS: list[dict[str, Any]] = [d for d in yaml.safe_load_all(MANIFEST) if d]


def _one(kind: str) -> dict[str, Any]:
    found = [d for d in DOCS if d["kind"] == kind]
    assert len(found) == 1, kind
    return found[0]


def _container() -> dict[str, Any]:
    (container,) = _one("Deployment")["spec"]["template"]["spec"]["containers"]
    return container


def _option_env(name: str) -> str:
    """The option an ``NBSTREAM_*`` environment variable sets (as nbstream reads it)."""
    for option in config.DEFAULTS:
        section, _, key = option.partition(".")
        snake = re.sub(r"(?<!^)(?=[A-Z])", "_", key).upper()
        if name == f"NBSTREAM_{section.upper()}_{snake}":
            return option
    raise AssertionError(f"{name} names no nbstream option")


def test_manifests_are_the_four_kinds() -> None:
    assert sorted(d["kind"] for d in DOCS) == ["Deployment", "Ingress", "Secret", "Service"]


@pytest.mark.parametrize("doc", DOCS, ids=lambda d: d["kind"])
def test_each_manifest_is_valid_kubernetes(doc: dict[str, Any]) -> None:
    kubernetes_validate.validate(doc, KUBERNETES_VERSION, strict=True)


def test_a_misspelt_field_would_fail() -> None:
    broken = yaml.safe_load(yaml.safe_dump(_one("Service")))
    broken["spec"]["sesionAffinity"] = "ClientIP"
    with pytest.raises(kubernetes_validate.ValidationError):
        kubernetes_validate.validate(broken, KUBERNETES_VERSION, strict=True)


def test_yamllint_is_clean() -> None:
    rules = yamllint_config.YamlLintConfig("extends: default\nrules: {line-length: {max: 100}}")
    problems = list(linter.run(MANIFEST, rules))
    assert problems == []


def test_selectors_ports_and_names_agree() -> None:
    deployment, service, ingress = _one("Deployment"), _one("Service"), _one("Ingress")
    labels = deployment["spec"]["template"]["metadata"]["labels"]
    assert deployment["spec"]["selector"]["matchLabels"].items() <= labels.items()
    assert service["spec"]["selector"].items() <= labels.items()
    port_names = {p["name"] for p in _container()["ports"]}
    (service_port,) = service["spec"]["ports"]
    assert service_port["targetPort"] in port_names
    for probe in ("readinessProbe", "livenessProbe"):
        assert _container()[probe]["httpGet"]["port"] in port_names
    for rule in ingress["spec"]["rules"]:
        for path in rule["http"]["paths"]:
            backend = path["backend"]["service"]
            assert backend["name"] == service["metadata"]["name"]
            assert backend["port"]["name"] == service_port["name"]


def test_sticky_sessions_are_on() -> None:
    annotations = _one("Ingress")["metadata"]["annotations"]
    assert annotations["nginx.ingress.kubernetes.io/affinity"] == "cookie"
    assert _one("Service")["spec"]["sessionAffinity"] == "ClientIP"


def test_the_container_runs_nbstream_serve_with_real_options() -> None:
    args = _container()["args"]
    assert args[:3] == ["nbstream", "serve", "app.py"]
    flags, server_args, script_args = cli.split_run_args(args[3:])
    assert server_args == [] and script_args == []
    assert flags["server.address"] == "0.0.0.0"
    assert flags["server.port"] in {p["containerPort"] for p in _container()["ports"]}


def test_the_image_runs_the_same_command() -> None:
    cmd = re.search(r"^CMD (\[.*\])$", _block("dockerfile"), re.M)
    assert cmd is not None
    image_args = yaml.safe_load(cmd.group(1))
    assert image_args[:3] == _container()["args"][:3]
    flags, server_args, _ = cli.split_run_args(image_args[3:])
    assert server_args == [] and flags["server.port"] == 8501


def test_environment_names_options_and_secrets_exist() -> None:
    secret = _one("Secret")["stringData"]
    env = {e["name"]: e for e in _container()["env"]}
    assert _option_env("NBSTREAM_CACHE_STORE") == "cache.store"
    assert env["NBSTREAM_CACHE_STORE"]["value"] == "redis"
    for name, entry in env.items():
        _option_env(name)
        ref = entry.get("valueFrom", {}).get("secretKeyRef")
        if ref:
            assert ref["name"] == _one("Secret")["metadata"]["name"]
            assert ref["key"] in secret
    assert secret["redis-url"].startswith("redis://")
    assert _option_env("NBSTREAM_SERVER_COOKIE_SECRET") == "server.cookieSecret"
    assert "NBSTREAM_SERVER_COOKIE_SECRET" in env


def test_the_probes_ask_for_what_haproxy_checks():
    readme = (ROOT / "README.md").read_text()
    check = re.search(r"option httpchk GET (\S+)", readme)
    assert check is not None
    for probe in ("readinessProbe", "livenessProbe"):
        assert _container()[probe]["httpGet"]["path"] == check.group(1)


def test_secrets_toml_is_mounted_where_the_app_reads_it() -> None:
    workdir = re.search(r"^WORKDIR (\S+)$", _block("dockerfile"), re.M)
    assert workdir is not None
    (mount,) = _container()["volumeMounts"]
    assert mount["mountPath"] == f"{workdir.group(1)}/.streamlit"
    pod = _one("Deployment")["spec"]["template"]["spec"]
    (volume,) = [v for v in pod["volumes"] if v["name"] == mount["name"]]
    (item,) = volume["secret"]["items"]
    assert item["path"] == "secrets.toml"
    toml = tomllib.loads(_one("Secret")["stringData"][item["key"]])
    assert {"redirect_uri", "cookie_secret"} <= set(toml["auth"])
