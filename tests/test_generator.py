"""The network generator (issue 13 item 7): random networks that validate, run and come back from their seed."""

import subprocess
import sys
import tomllib

import numpy as np
import pytest

import netwerksim
from netwerksim import NetwerkModel, load_scenario
from netwerksim.generator import GeneratorError, ensemble, generate_network, national_network, to_toml

NETWORKS = ensemble(200, seed=0)


def test_every_generated_network_validates_and_its_toml_reads_back_the_same():
    for d in NETWORKS:
        assert tomllib.loads(to_toml(d)) == d, d["meta"]["name_en"]
        load_scenario(d)


def test_the_ensemble_spans_the_design_space():
    """Sizes 3-40, every governance mode, both kinds of agreements, growing networks and fixed ones."""
    sizes = np.array([len(d["organisations"]) for d in NETWORKS])
    assert sizes.min() == 3 and sizes.max() == 40 and np.median(sizes) < 20
    assert {d["governance"]["mode"] for d in NETWORKS} == {"shared", "lead_organisation", "nao"}
    assert {d["governance"]["agreements"] for d in NETWORKS} == {"joint", "separate"}
    growing = [any(o.get("joins_at", 0) > 0 for o in d["organisations"]) for d in NETWORKS]
    assert 0.15 < np.mean(growing) < 0.5
    kinds = {o["kind"] for d in NETWORKS for o in d["organisations"]}
    assert len(kinds) >= 14


def test_the_same_seed_gives_the_same_network_and_another_seed_another():
    assert generate_network(7) == generate_network(7) == NETWORKS[7]
    assert generate_network(7) != generate_network(8)


def test_a_fixed_design_value_is_kept_and_a_bad_one_named():
    d = generate_network(5, organisations=12, governance="shared", agreements="separate", growth=0.0)
    assert len(d["organisations"]) == 12
    assert d["governance"]["mode"] == "shared" and d["governance"]["agreements"] == "separate"
    assert not any("joins_at" in o for o in d["organisations"])
    with pytest.raises(GeneratorError) as bad:
        generate_network(5, organisations=41)
    assert bad.value.field == "organisations" and "[3, 40]" in str(bad.value)
    with pytest.raises(GeneratorError) as unknown:
        generate_network(5, colour="red")
    assert unknown.value.field == "colour"


def test_a_generated_network_runs_and_its_joiners_join_in_their_week():
    d = next(d for d in NETWORKS if any(0 < o.get("joins_at", 0) <= 30 for o in d["organisations"]))
    model = NetwerkModel(load_scenario(d))
    for _ in range(30):
        model.step()
    joined = {e["organisation"]: e["step"] for e in model.events if e["type"] == "status" and e["name"] == "joined"}
    due = {o["name"]: o["joins_at"] for o in d["organisations"] if 0 < o.get("joins_at", 0) <= 30}
    assert joined == due
    assert len(model.rows) == 31


def test_the_public_api_exposes_the_generator():
    assert netwerksim.generate_network is generate_network and netwerksim.ensemble is ensemble


def _cli(*args):
    return subprocess.run([sys.executable, "-m", "netwerksim.cli", *args], capture_output=True, text=True)


def test_the_cli_writes_a_file_validate_accepts_and_never_replaces_one(tmp_path):
    out = tmp_path / "net.toml"
    made = _cli("generate", "--seed", "11", "--organisations", "6", "--out", str(out))
    assert made.returncode == 0, made.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Generated network 11: written by `netwerksim generate --seed 11 --organisations 6`")
    assert tomllib.loads(text) == generate_network(11, organisations=6)
    checked = _cli("validate", str(out))
    assert checked.returncode == 0 and "6 organisations" in checked.stdout
    again = _cli("generate", "--seed", "12", "--out", str(out))
    assert again.returncode == 2 and "already exists" in again.stderr
    assert out.read_text(encoding="utf-8") == text
    bad = _cli("generate", "--organisations", "2")
    assert bad.returncode == 2 and "--organisations" in bad.stderr and "Traceback" not in bad.stderr


# --- the national network (issue 20 item 3) -----------------------------------------------------------
def test_the_national_network_is_regions_of_the_size_it_claims_with_ties_mostly_inside_them():
    """At 1 % of the 1.4 million (14,000 professionals, 25 regions): every region there with all eight kinds,
    professionals within 15 % of the aim, and at least 90 % of the ties inside a region, where tables drawn from
    all organisations would keep about 1 in 25 (the same network with ``among`` removed is the counterfactual)."""
    d = national_network(3, scale=0.01)
    assert tomllib.loads(to_toml(d)) == d
    state = NetwerkModel(load_scenario(d)).state
    region = np.array([int(name.split()[1]) for name in state.orgs.name])
    assert sorted(set(region)) == list(range(1, 26))
    kinds = {(r, k) for r, k in zip(region, state.orgs.kind)}
    assert len(kinds) == 25 * 8
    assert abs(len(state.profs.org) - 14_000) / 14_000 < 0.15
    inside = np.mean(region[state.ties.src_org] == region[state.ties.dst_org])
    assert inside > 0.9
    mixed = {**d, "forum_groups": [{k: v for k, v in f.items() if k != "among"} for f in d["forum_groups"]]}
    state = NetwerkModel(load_scenario(mixed)).state
    assert np.mean(region[state.ties.src_org] == region[state.ties.dst_org]) < 0.1


def test_the_national_network_through_the_cli_and_its_refusals(tmp_path):
    out = tmp_path / "nl.toml"
    made = _cli("generate", "--national", "--scale", "0.001", "--regions", "4", "--out", str(out))
    assert made.returncode == 0, made.stderr
    assert tomllib.loads(out.read_text(encoding="utf-8")) == national_network(0, scale=0.001, regions=4)
    for args, named in ((["--national", "--scale", "0"], "--scale"), (["--regions", "3"], "--regions"),
                        (["--national", "--organisations", "5"], "--organisations")):
        bad = _cli("generate", *args)
        assert bad.returncode == 2 and named in bad.stderr and "Traceback" not in bad.stderr, args


def test_a_forum_group_among_an_unknown_group_is_named():
    d = national_network(1, scale=0.001, regions=2)
    d["forum_groups"][0]["among"] = ["Regio 9 Ziekenhuis"]
    with pytest.raises(netwerksim.ScenarioError) as bad:
        load_scenario(d)
    assert "forum_groups[0].among" in str(bad.value) and "Regio 9 Ziekenhuis" in str(bad.value)
