"""The chain registry (chain.py): every link names real parameters, a real state variable and a column."""

import numpy as np

from netwerksim import NetwerkModel
from netwerksim.chain import BESIDES, CHAIN, LINKS, read, switched_off, write
from netwerksim.params import PARAMETERS


def test_every_link_switches_off_by_real_parameters_inside_their_range():
    for link in CHAIN:
        assert link.neutral, link.name
        for name, value in switched_off(link.name).items():
            p = PARAMETERS[name]
            assert p.low <= value <= p.high and value != p.default, (link.name, name)


def test_every_cause_besides_the_chain_switches_off_by_real_parameters_and_holds_no_state():
    """chain.BESIDES is switched off by parameters from the snapshot on, never held, and is no link of the chain."""
    for cause in BESIDES:
        assert cause.neutral and not cause.state and cause.name not in LINKS, cause.name
        for name, value in cause.neutral.items():
            p = PARAMETERS[name]
            assert p.low <= value <= p.high and value != p.default, (cause.name, name)
        assert cause.label_nl and cause.label_en and "L" in cause.source


def test_every_link_names_a_state_variable_and_a_column_of_the_time_series():
    m = NetwerkModel("zorgnetwerk", rng=0)
    m.step()
    for link in CHAIN:
        assert link.indicator in m.rows[-1], link.name
        for path in link.state:
            read(m.state, path)          # raises if the path is wrong
        assert link.label_nl and link.label_en and "L" in link.source
    assert list(LINKS) == [link.name for link in CHAIN]


def test_write_sets_a_state_variable_that_read_gets_back_and_keeps_arrays_in_place():
    m = NetwerkModel("zorgnetwerk", rng=0)
    write(m.state, "network.hierarchy", 0.42)
    assert read(m.state, "network.hierarchy") == 0.42 and isinstance(m.state.network.hierarchy, float)
    ownership = m.state.orgs.ownership
    write(m.state, "orgs.ownership", 0.5)
    assert m.state.orgs.ownership is ownership and np.all(ownership == 0.5)
    copy = read(m.state, "orgs.ownership")
    copy[:] = 0
    assert np.all(m.state.orgs.ownership == 0.5)
