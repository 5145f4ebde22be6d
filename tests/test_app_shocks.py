"""The elections shock the app offers (interventions.REGISTRY["elections"], 003 L3950-3970)."""

from __future__ import annotations

import numpy as np

from netwerksim import NetwerkModel
from netwerksim.interventions import REGISTRY
from netwerksim.scenario import KINDS


def test_elections_cost_the_municipality_its_connector_and_part_of_its_mandate():
    model = NetwerkModel("zorgnetwerk", rng=3)
    for _ in range(30):
        model.step()
    st = model.state
    municipality = np.flatnonzero(st.orgs.kind == KINDS.index("municipality"))
    assert len(municipality) == 1
    mandate_before = st.orgs.mandate.copy()
    T = st.ties
    evidence_before = T.r + T.s
    REGISTRY["elections"].apply(model, REGISTRY["elections"].resolve({}, model.spec))

    assert st.orgs.mandate[municipality] == mandate_before[municipality] * 0.5
    others = np.setdiff1d(np.arange(len(st.orgs.name)), municipality)
    assert (st.orgs.mandate[others] == mandate_before[others]).all()
    wiped = (T.r + T.s == 0) & (evidence_before > 0)           # the ties of the one who left start from scratch
    leaver = np.unique(np.concatenate([T.src[wiped & np.isin(T.src_org, municipality)],
                                       T.dst[wiped & np.isin(T.dst_org, municipality)]]))
    assert len(leaver) == 1 and st.profs.org[leaver[0]] == municipality[0]
    assert (T.trust[wiped] == 0.5).all()


def test_elections_through_the_model_are_logged_and_stir_the_context():
    calm, elected = NetwerkModel("zorgnetwerk", rng=5), NetwerkModel("zorgnetwerk", rng=5)
    for m in (calm, elected):
        for _ in range(10):
            m.step()
    elected.intervene("elections")
    calm.step()
    elected.step()
    shock = [e for e in elected.events if e["type"] == "shock" and e["name"] == "elections"]
    assert len(shock) == 1 and shock[0]["step"] == 11 and shock[0]["params"]["target"] == "kind:municipality"
    decay = elected.params.context.turbulence_decay
    assert elected.state.network.turbulence - calm.state.network.turbulence >= 0.4 * (1 - decay) - 1e-9
