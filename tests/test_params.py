import pytest

from netwerksim.params import PARAMETERS, ParameterError, Params, check


def test_every_parameter_is_documented_and_its_default_in_range():
    for p in PARAMETERS.values():
        assert p.low <= p.default <= p.high, p.name
        assert p.unit and p.source and p.doc, p.name


def test_params_read_as_groups_and_overrides_apply():
    p = Params({"trust.forgetting": 0.9})
    assert p.trust.forgetting == 0.9
    assert p.trust.negative_weight == PARAMETERS["trust.negative_weight"].default
    assert p.as_dict()["trust.forgetting"] == 0.9


@pytest.mark.parametrize("name, value, words", [
    ("trust.forgeting", 0.9, "unknown parameter"),
    ("trust.forgetting", 1.5, "outside its range"),
    ("trust.forgetting", "high", "must be a number"),
])
def test_bad_parameters_are_named(name, value, words):
    with pytest.raises(ParameterError, match=words):
        check(name, value)
