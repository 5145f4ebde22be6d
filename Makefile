# netwerksim: `make run` and `make test` do all the set-up themselves.
VENV     := .venv
PY       := $(VENV)/bin/python
STAMP    := $(VENV)/.installed
SCENARIO ?= zorgnetwerk
OUT      ?= results/zorgnetwerk
WORKERS  ?= 2
PORT     ?= 8765
CHROMIUM := /usr/bin/chromium

.PHONY: venv run app chromium test test-fast validate bench clean

venv: $(STAMP)

# the runtime with every extra (requirements.lock) and the test tools (requirements-dev.lock), the same pinned
# versions through uv, which installs them several times faster than pip (6 Dec, 2-core machine: 0:37-0:42 with an
# empty or a warm cache against pip's ~2:40); pip does it when uv cannot be had. Compiled to bytecode once, as pip
# does and uv does not by default: where PYTHONDONTWRITEBYTECODE is set (this machine, CI) every Python process would
# otherwise compile every module it imports (pytest's collection 23 -> 14 s, 7 Dec; the suite starts dozens)
$(STAMP): requirements.lock requirements-dev.lock pyproject.toml
	@test -x $(PY) || $$(scripts/find-python.sh) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check uv==0.13.9 \
	  && $(VENV)/bin/uv pip install --quiet --compile-bytecode --python $(PY) -r requirements.lock -r requirements-dev.lock \
	  && $(VENV)/bin/uv pip install --quiet --python $(PY) --no-deps -e . \
	  && $(PY) -m compileall -q src \
	  || ($(PY) -m pip install --quiet --disable-pip-version-check -r requirements.lock -r requirements-dev.lock \
	      && $(PY) -m pip install --quiet --disable-pip-version-check --no-deps -e .)
	@touch $(STAMP)

run: venv
	$(VENV)/bin/netwerksim run $(SCENARIO) --out $(OUT)

app: venv
	$(VENV)/bin/netwerksim app --port $(PORT)

# the app's browser tests drive Debian's chromium (never `playwright install`: downloads are blocked)
chromium:
	@test -x $(CHROMIUM) || (apt-get update -qq && apt-get install -y -qq chromium)

# the browser tests run on their own afterwards, so the app gets the machine while chromium drives it;
# the play test (Start, speeds, language, interventions, ten more tabs, Pause) PLAY_ROUNDS times in a row
# (issue 16 asks 20: about 20-24 s a round idle by estimate, 7-8 min, which does not fit CI's 15 minutes with
# the rest; `make validate` plays it 20 times); the slow browser test (40 sessions' memory) is in `make validate`;
# the game with a projector and twelve phones (tests/test_game_browser.py, ~60 s) is in make test, in a pytest
# process of its own: after the app's browser tests with 3 play rounds in the same process its debrief did not
# appear within 60 s (6 Dec: 3 of 3 and 1 of 1 at load 4-15; alone 4 of 4, and after 1 round in one process it
# passed). Found 7 Dec: closing a round drops a button and adds the round's settings before 'Einde', so the renderer
# handed the 'Einde' widget to the next button, and a click in flight was lost (a fresh clone's CI failed so; reproduced
# at load ~10); the projector's buttons are keyed since (app/game_page.py).
# A fresh clone with 8 rounds took 855 s on an idle 2-core machine (2026-12-06: venv ~1.5 min, 713 non-browser
# tests 8:03, browser 4:47): too close to 15 min, so 5 until issue 20 buys time back; 4 since 6 Dec 13:10, when
# the non-browser tests had grown to 9:48 (CI 15:05 estimated with 5 rounds); 3 since 13:35, when a fresh clone with
# 4 took 15:34 (non-browser 10:02, browser 3:55)
# 5 since 6 Dec 16:15: a fresh clone with 3 took 11:07 (non-browser 6:51, app browser 2:11, game 0:41), a round
# ~21-22 s idle (app engineer's estimate)
# 10 since 16:30: with 5 a fresh clone took 11:27 (non-browser 6:41, app browser 2:42, game 0:38): ~15.5 s a round idle,
# so 10 rounds ~12:45; 20 would be ~15:20
# 3 since 6 Dec 21:30: on today's slower machines (a run costs 2.4 times what it did) a fresh clone with 10 took 27:54
# (venv 2:40, non-browser 17:42, app browser 6:25, game 1:04); make validate plays 20
# 1 since 22:30: with 3 a fresh clone took 17:54 (venv ~0:30, non-browser 12:51, app browser 3:13, game 1:16)
# 20 since 7 Dec 15:00 (issue 16 item 1: 20 in a row in the suite): the rounds after the first reuse the first's
# eleven tabs, started over with Opnieuw, so a later round costs ~12 s at load 7 instead of ~22 s
PLAY_ROUNDS ?= 20
# --dist loadscope: a module's tests share one worker, so the runs they cache (lru_cache) are made once
# (non-browser 9:14 against 10:07 with --dist load, 6 Dec, idle)
test: venv chromium
	$(PY) -m pytest -n $(WORKERS) --dist loadscope -q -m "not browser and not validate"
	NETWERKSIM_PLAY_ROUNDS=$(PLAY_ROUNDS) $(PY) -m pytest -q -m "browser and not slow" tests/test_app_browser.py
	$(PY) -m pytest -q -m "browser and not slow" tests/test_game_browser.py

test-fast: venv
	$(PY) -m pytest -n $(WORKERS) -q -m "not slow and not validate"

# Validation against the sources (issue 15): every registered pattern at the defaults, the full mutation matrix,
# robustness over a Latin hypercube, the all-patterns region of the Morris parameters and the dip's drivers over
# $(ENSEMBLE) generated networks; writes $(VALIDATION)/ and docs/validatie.md + docs/bronnen.md, then the validate tests read the results.
# On a Dask cluster: make validate ENGINE="--scheduler tcp://HOST:8786" (docs/onderzoekersgids.md §8).
VALIDATION  ?= results/validation
ROBUSTNESS  ?= 64
CALIBRATION ?= 64
ENSEMBLE    ?= 200
ENGINE      ?= --workers $(WORKERS)
validate: venv chromium
	$(VENV)/bin/netwerksim patterns $(ENGINE) --robustness $(ROBUSTNESS) --calibration $(CALIBRATION) --ensemble $(ENSEMBLE) --out $(VALIDATION)
	cp $(VALIDATION)/validation.md docs/validatie.md
	cp $(VALIDATION)/bronnen.md docs/bronnen.md
	NETWERKSIM_VALIDATION=$(VALIDATION) $(PY) -m pytest -n $(WORKERS) --dist loadscope -q -m validate
	$(PY) -m pytest -q -m "slow and browser"

# the core benchmark beside Mesa's VirusOnNetwork, small networks (156-week run, ms per step), the fused kernels
# beside their numpy reference and numba's start-up cost, the national network (1.4 million professionals in 25
# regions beside the single-region network of that size, and through `netwerksim run`), many runs (serial, a pool
# of 2, a Dask LocalCluster; --ten-million for 10 M professionals, ~10 min and ~8 GB, run it alone)
bench: venv
	$(PY) benchmarks/bench_core.py
	$(PY) benchmarks/bench_small.py
	$(PY) benchmarks/bench_kernels.py
	$(PY) benchmarks/bench_national.py
	$(PY) benchmarks/bench_many.py

clean:
	rm -rf $(VENV) results .pytest_cache
