"""Dutch and English texts for everything a person reads: indicators, events, reports."""

from __future__ import annotations

from typing import Literal

Lang = Literal["nl", "en"]

TEXT: dict[str, tuple[str, str]] = {
    # indicators (time-series columns)
    "week": ("week", "week"),
    "active_organisations": ("actieve organisaties", "active organisations"),
    "dormant_organisations": ("slapende organisaties", "dormant organisations"),
    "exited_organisations": ("afgehaakte organisaties", "organisations that left"),
    "mean_trust": ("vertrouwen", "trust"),
    "mean_energy": ("energie", "energy"),
    "joint_contribution": ("gezamenlijke inzet", "joint contribution"),
    "attendance": ("opkomst bij overleg", "meeting attendance"),
    "meeting_hours": ("overleg- en verantwoordingsuren", "consultation and reporting hours"),
    "coordination_load": ("overleglast", "coordination load"),
    "perceived_value": ("ervaren waarde", "perceived value"),
    "output": ("voortgang deze week", "progress this week"),
    "progress": ("voortgang opgaven", "progress on issues"),
    "economic_capital": ("economisch kapitaal", "economic capital"),
    "social_capital": ("sociaal kapitaal", "social capital"),
    "cultural_capital": ("cultureel kapitaal", "cultural capital"),
    # the advisor's comparison (netwerksim/compare/: report.py, charts.py)
    "compare.question": ("Welke van deze opties werkt het best voor het netwerk '{scenario}'?",
                         "Which of these options works best for the network '{scenario}'?"),
    "compare.the_question": ("De vraag:", "The question:"),
    "compare.the_answer": ("Het antwoord", "The answer"),
    "compare.answer_intro": ("Elke optie is {replications} keer doorgerekend over {years} jaar, met dezelfde "
                             "toevalsreeksen als '{baseline}', en daarmee vergeleken:",
                             "Every option was simulated {replications} times over {years} years, with the same random "
                             "streams as '{baseline}', and compared with it:"),
    "compare.answer_share": ("met {option} komt {noun} {how} voor: {value} tegen {base} van de runs (verschil {difference})",
                             "with {option}, {noun} occurs {how}: {value} against {base} of the runs (difference "
                             "{difference})"),
    "compare.answer_mean": ("met {option} is {noun} {how}: gemiddeld {value} tegen {base} (verschil {difference})",
                            "with {option}, {noun} is {how}: on average {value} against {base} (difference {difference})"),
    "compare.answer_unmeasured": ("met {option} is {noun} niet te vergelijken: er is een waarde in {n} van de "
                                  "{replications} runs, tegen {base_n} in de vergelijkingsbasis (in de andere runs is "
                                  "er niets om te meten, bijvoorbeeld omdat geen partner meer actief is)",
                                  "with {option}, {noun} cannot be compared: it has a value in {n} of the "
                                  "{replications} runs, against {base_n} in the baseline (in the other runs there is "
                                  "nothing to measure, for instance because no partner is active any more)"),
    "compare.more_often": ("vaker", "more often"),
    "compare.less_often": ("minder vaak", "less often"),
    "compare.not_more_or_less_often": ("niet duidelijk vaker of minder vaak", "neither clearly more nor less often"),
    "compare.higher": ("hoger", "higher"),
    "compare.lower": ("lager", "lower"),
    "compare.not_different": ("niet duidelijk anders", "not clearly different"),
    "compare.also": ("verder duidelijk", "also clearly"),
    "compare.favourable_on": ("gunstig: {outcomes}", "favourable: {outcomes}"),
    "compare.unfavourable_on": ("ongunstig: {outcomes}", "unfavourable: {outcomes}"),
    "compare.different_on": ("anders: {outcomes}", "different: {outcomes}"),
    "compare.and": (" en ", " and "),
    "compare.diff_interval": ("{diff}, 95%: {low} tot {high}", "{diff}, 95%: {low} to {high}"),
    "compare.every_run": ("alle runs", "all runs"),
    "compare.same_every_run": ("in elke run gelijk", "equal in every run"),
    "compare.nearly_every_run": ("vrijwel gelijk in alle runs", "nearly the same in all runs"),
    "compare.option": ("optie", "option"),
    "compare.basis": ("Zoals het nu is", "As it is now"),
    "compare.baseline_mark": ("vergelijkingsbasis", "baseline"),
    "compare.table_note": ("Per optie het gemiddelde over de runs (bij wel/niet-uitkomsten: het deel van de runs), "
                           "tussen haakjes het 95%-interval. Vet: duidelijk anders dan bij '{baseline}' (run voor run "
                           "vergeleken; de verschillen staan per optie hierna). Dit is een model, geen voorspelling: "
                           "zie de kanttekeningen.",
                           "Per option the mean over the runs (for yes/no outcomes: the share of runs), in brackets the "
                           "95% interval. Bold: clearly different from '{baseline}' (compared run by run; the "
                           "differences follow per option). This is a model, not a forecast: see the caveats."),
    "compare.per_option": ("De opties één voor één", "The options one by one"),
    "compare.what_happens": ("Wat er gebeurt: {what}.", "What happens: {what}."),
    "compare.see_appendix": ("Wat er in het model verandert, staat in bijlage B.",
                             "What changes in the model is listed in appendix B."),
    "compare.as_it_is": ("Het netwerk zoals het nu is beschreven.", "The network as it is described now."),
    "compare.unchanged": ("niets veranderd: het scenario zoals het is", "nothing changed: the scenario as it is"),
    "compare.default": ("standaardwaarde", "default"),
    "compare.event_at": ("{label} vanaf week {week}", "{label} from week {week}"),
    "timeline.when": ("{label} {after}na {trigger}", "{label} {after}after {trigger}"),
    "timeline.when_repeat": ("{label} {after}na elke {trigger}", "{label} {after}after every {trigger}"),
    "timeline.after": ("{n} weken ", "{n} weeks "),
    "timeline.rate": ("{label}: kans {percent} per week, gemiddeld eens per {weeks} weken",
                      "{label}: a chance of {percent} a week, on average once every {weeks} weeks"),
    "timeline.per_year": ("{label}: op willekeurige momenten, gemiddeld {n} keer per jaar",
                          "{label}: at random moments, on average {n} times a year"),
    "timeline.between": (" (in week {first}-{last})", " (in weeks {first}-{last})"),
    "trigger.crossing": ("{indicator} {op} {value}", "{indicator} {op} {value}"),
    "trigger.netwerkdip": ("een gemelde netwerkdip", "a reported netwerkdip"),
    "trigger.never_gets_going": ("de melding 'komt niet op gang'", "the report 'never gets going'"),
    "trigger.doorstart": ("een doorstart", "a doorstart"),
    "trigger.situation": ("vastloopsituatie {id} ({name})", "stuck situation {id} ({name})"),
    "trigger.level": ("de conflictthermometer op '{name}'", "the conflict thermometer at '{name}'"),
    "compare.outcome": ("uitkomst", "outcome"),
    "compare.value": ("waarde (95%-interval)", "value (95% interval)"),
    "compare.this_option": ("deze optie", "this option"),
    "compare.difference": ("verschil (95%-interval)", "difference (95% interval)"),
    "compare.verdict": ("oordeel", "verdict"),
    "compare.not_clear": ("geen duidelijk verschil", "no clear difference"),
    "compare.negligible": ("verwaarloosbaar (kleiner dan de getoonde decimalen)", "negligible (below the decimals shown)"),
    "compare.different": ("duidelijk anders", "clearly different"),
    "compare.relevance_negligible": ("verwaarloosbaar", "negligible"),
    "compare.relevance_relevant": ("relevant", "relevant"),
    "compare.relevance_uncertain": ("onzeker", "uncertain"),
    "compare.relevance_answer": ("bij een drempel van {threshold}: {word}", "against a threshold of {threshold}: {word}"),
    "compare.method_relevant": ("Wat telt als een verschil dat ertoe doet, is opgegeven: {thresholds}. Een verschil "
                                "is verwaarloosbaar als zijn hele 95%-interval binnen die drempel ligt, relevant als het "
                                "er helemaal buiten ligt, en anders onzeker: dan zijn meer runs nodig om het te zeggen.",
                                "What counts as a difference that matters was given: {thresholds}. A difference "
                                "is negligible when its whole 95% interval lies within that threshold, relevant when it "
                                "lies wholly beyond it, and otherwise uncertain: more runs are needed to tell."),
    "compare.favourable": ("gunstig", "favourable"),
    "compare.unfavourable": ("ongunstig", "unfavourable"),
    "compare.pp": (" procentpunt", " percentage points"),
    "compare.course": ("Het verloop in de tijd", "The course over time"),
    "compare.course_note": ("Per optie een paneel tegenover '{baseline}' (grijs), met dezelfde assen: de lijn is de "
                            "mediaan van de runs, de band de middelste 80% (10e tot 90e percentiel). Verticale lijnen "
                            "zijn gebeurtenissen, met hun naam erbij. Waar een netwerk minder dan twee actieve partners "
                            "overhoudt, is het uiteengevallen en valt de vitaliteit naar 0; het paneel zegt vanaf welke "
                            "week dat in hoeveel runs gebeurt.",
                            "One panel per option against '{baseline}' (grey), on the same axes: the line is the median "
                            "of the runs, the band the middle 80% (10th to 90th percentile). Vertical lines are events, "
                            "named beside them. Where a network keeps fewer than two active partners it has fallen apart "
                            "and vitality drops to 0; the panel says from which week that happens in how many runs."),
    "compare.figure_vitality": ("Vitaliteit van het netwerk per optie", "Vitality of the network per option"),
    "compare.figure_mean_trust": ("Vertrouwen tussen de partners per optie", "Trust between the partners per option"),
    "compare.figure_joint_contribution": ("Gezamenlijke inzet per optie", "Joint contribution per option"),
    "compare.figure_progress": ("Voortgang op de opgaven per optie", "Progress on the issues per option"),
    "compare.axis_vitality": ("vitaliteit (0-1)", "vitality (0-1)"),
    "compare.axis_trust": ("vertrouwen tussen partners (0-1)", "trust between partners (0-1)"),
    "compare.axis_contribution": ("gezamenlijke inzet (deel van de toegezegde uren)",
                                  "joint contribution (share of the hours pledged)"),
    "compare.axis_progress": ("voortgang op de opgaven (opgeteld)", "progress on the issues (summed)"),
    "compare.neutral": ("neutraal", "neutral"),
    "compare.median": ("mediaan", "median"),
    "compare.band": ("middelste 80% van de runs (van de basis: grijs, met stippelrand)",
                     "middle 80% of the runs (the baseline's: grey, dotted edge)"),
    "compare.option_line": ("de optie van het paneel", "the panel's option"),
    "compare.ended_note": ("{n} van de {runs} runs zonder werkend netwerk (vanaf week {week})",
                           "{n} of the {runs} runs without a working network (from week {week})"),
    "compare.caveats": ("Kanttekeningen", "Caveats"),
    "compare.caveat_model": ("Dit is een model, geen voorspelling. Het laat zien welke dynamiek de aannames van het model "
                             "voor dit netwerk opleveren, om het gesprek over de keuze te voeden; het belooft geen uitkomst.",
                             "This is a model, not a forecast. It shows what dynamics the model's assumptions produce for "
                             "this network, to inform the conversation about the choice; it promises no outcome."),
    "compare.caveat_interval": ("De intervallen geven alleen de toevalsvariatie tussen runs weer, niet de onzekerheid over "
                                "de aannames en parameters van het model zelf. Hoe gevoelig een uitkomst is voor een "
                                "aanname, laat een gevoeligheidsanalyse zien.",
                                "The intervals show only the random variation between runs, not the uncertainty about "
                                "the model's own assumptions and parameters. How sensitive an outcome is to an "
                                "assumption is what a sensitivity analysis shows."),
    "compare.caveat_multiple": ("Hier worden {count} verschillen tegelijk bekeken; bij 95%-intervallen kan ongeveer 1 op de "
                                "20 verschillen toevallig duidelijk lijken. Let vooral op verschillen die groot zijn en op "
                                "meerdere uitkomsten hetzelfde verhaal vertellen.",
                                "{count} differences are looked at together here; with 95% intervals about 1 in 20 may "
                                "look clear by chance. Attend above all to differences that are large and that tell the "
                                "same story across several outcomes."),
    "compare.caveat_missing": ("'{metric}' telt alleen de runs waarin het voorkomt ({n} van de {total} runs over alle "
                               "opties).",
                               "'{metric}' counts only the runs in which it occurs ({n} of the {total} runs over all "
                               "options)."),
    "compare.appendix_method": ("Bijlage A. Hoe is dit onderzocht?", "Appendix A. How was this explored?"),
    "compare.method": ("Het netwerk '{scenario}' is met het simulatiemodel netwerksim voor elke optie {replications} keer "
                       "doorgerekend over {steps} weken (ongeveer {years} jaar), in totaal {runs} runs (basiszaad {seed}). "
                       "Elke optie kreeg dezelfde {replications} toevalsreeksen: verschillen tussen de opties komen "
                       "daardoor van de optie zelf en niet van toevallig geluk of pech in een enkele run.",
                       "The network '{scenario}' was simulated with the netwerksim model {replications} times per option "
                       "over {steps} weeks (about {years} years), {runs} runs in all (base seed {seed}). Every option got "
                       "the same {replications} random streams, so differences between the options come from the option "
                       "itself, not from luck in a single run."),
    "compare.method_intervals": ("Intervallen (95%): bij wel/niet-uitkomsten (wel of geen netwerkdip) het Wilson-interval "
                                 "van het deel van de runs, en voor het verschil met de vergelijkingsbasis Newcombes "
                                 "interval voor gepaarde kansen (1998, methode 10), dat meeneemt dat de runs per "
                                 "toevalsreeks paren vormen; bij andere uitkomsten het t-interval van het gemiddelde en "
                                 "van het gemiddelde gepaarde verschil. Een verschil is duidelijk als zijn interval 0 "
                                 "niet bevat. Een uitkomst die in elke run gelijk is, heeft geen interval.",
                                 "Intervals (95%): for yes/no outcomes (a netwerkdip or not) the Wilson interval of the "
                                 "share of runs, and for the difference from the baseline Newcombe's interval for paired "
                                 "proportions (1998, method 10), which accounts for the runs forming pairs per random "
                                 "stream; for other outcomes the t-interval of the mean and of the mean paired "
                                 "difference. A difference is clear when its interval excludes 0. An outcome equal in "
                                 "every run has no interval."),
    "compare.appendix_settings": ("Bijlage B. Wat elke optie in het model verandert",
                                  "Appendix B. What each option changes in the model"),
    "compare.appendix_meanings": ("Bijlage C. Wat de uitkomsten betekenen", "Appendix C. What the outcomes mean"),
    "compare.appendix_entries": ("Bijlage D. De ingrepen en gebeurtenissen, met hun bronnen",
                                 "Appendix D. The interventions and events, with their sources"),
    "compare.source": ("bron", "source"),
    "compare.appendix_files": ("Bijlage E. Bestanden", "Appendix E. Files"),
    "compare.files_list": ("report.md en report.html (dit rapport), results.parquet en results.csv (één rij per optie en "
                           "run, alle uitkomsten), summary.csv (gemiddelden, intervallen en verschillen), bands.parquet "
                           "(de banden van de grafieken), comparison.json (opzet, toevalsgetallen en versies).",
                           "report.md and report.html (this report), results.parquet and results.csv (one row per option "
                           "and run, every outcome), summary.csv (means, intervals and differences), bands.parquet (the "
                           "charts' bands), comparison.json (set-up, seeds and versions)."),
    # status changes
    "status.dormant": ("{org} wordt een slapend lid: al {weeks} weken wegen wat het netwerk oplevert, het vertrouwen in "
                       "de partners en de gedeelde zaak samen niet op tegen het alternatief.",
                       "{org} goes dormant: for {weeks} weeks what the network yields, its trust in the partners and "
                       "the shared cause together have not outweighed its outside option."),
    "status.exited": ("{org} haakt af en verlaat het netwerk.", "{org} drops out and leaves the network."),
    "status.returned": ("{org} doet weer actief mee: het netwerk levert weer genoeg op.",
                        "{org} takes part again: the network is worth it once more."),
    "status.joined": ("{org} sluit aan bij het netwerk.", "{org} joins the network."),
    "event.applied": ("{label}: {description}", "{label}: {description}"),
    # report
    "report.title": ("Verslag van de simulatie", "Simulation report"),
    "report.scenario": ("Scenario", "Scenario"),
    "report.seed": ("seed", "seed"),
    "report.weeks": ("weken", "weeks"),
    "report.summary": ("Samenvatting", "Summary"),
    "report.start": ("start", "start"),
    "report.end": ("eind", "end"),
    "report.min": ("laagste", "lowest"),
    "report.max": ("hoogste", "highest"),
    "report.events": ("Gebeurtenissen", "Events"),
    "report.no_events": ("Geen gebeurtenissen.", "No events."),
    "report.organisations": ("Organisaties aan het eind", "Organisations at the end"),
    "report.plots": ("Grafieken", "Plots"),
    "report.files": ("Bestanden", "Files"),
    "report.issues": ("Voortgang per opgave", "Progress per issue"),
    "plot.vitality": ("Vitaliteit van het netwerk (oranje: netwerkdip)", "Vitality of the network (orange: netwerkdip)"),
    "plot.conditions": ("Vijf condities voor samenwerking", "Five conditions for collaboration"),
    "condition_organising": ("organiseren", "organising"),
    "condition_sense_making": ("zingevingsproces", "sense-making process"),
    "condition_relations": ("relaties", "relations"),
    "condition_interests": ("belangen", "interests"),
    "condition_ambition": ("gedeelde ambitie", "shared ambition"),
    "report.stuck": ("Vastloopsituaties in deze run", "Stuck situations in this run"),
    "report.doorbraken": ("doorbraken", "breakthroughs"),
    "plot.chain": ("De keten van de netwerkdip", "The netwerkdip's causal chain"),
    "report.story": ("Verloop", "What happened"),
    "story.start": ("Het netwerk start met een vitaliteit van {v0:.2f} en bereikt {peak:.2f} in week {week}.",
                    "The network starts with a vitality of {v0:.2f} and reaches {peak:.2f} in week {week}."),
    "story.start_peak": ("Het netwerk start met een vitaliteit van {v0:.2f}; hoger wordt het niet.",
                         "The network starts with a vitality of {v0:.2f}; it never gets higher."),
    "story.dip": ("Week {week}: {text} Het dal: {trough} in week {trough_week}.",
                  "Week {week}: {text} The trough: {trough} in week {trough_week}."),
    "story.doorstart": ("Week {week}: {text}", "Week {week}: {text}"),
    "story.no_dip": ("Er treedt geen netwerkdip op.", "No netwerkdip occurs."),
    "story.end": ("In week {week} is de vitaliteit {v:.2f}; {active} van de {total} organisaties doen actief mee, "
                  "de hiërarchie in het leiderschap staat op {hierarchy:.2f} en de gedeelde ambitie op {alignment:.2f}.",
                  "In week {week} vitality is {v:.2f}; {active} of the {total} organisations take an active part, "
                  "hierarchy in leadership stands at {hierarchy:.2f} and the shared ambition at {alignment:.2f}."),
    "plot.indicators": ("Verloop van het netwerk", "Course of the network"),
    "plot.progress": ("Voortgang en kapitaal", "Progress and capital"),
    "plot.organisations": ("Deelname van organisaties", "Participation of organisations"),
    "status.0": ("actief", "active"),
    "status.1": ("slapend", "dormant"),
    "status.2": ("afgehaakt", "left"),
    "status.3": ("nog niet aangesloten", "not yet joined"),
    "vitality": ("vitaliteit", "vitality"),
    "org.contribution": ("inzet (deel van de toezegging)", "contribution (share of the pledge)"),
    "org.trust_given": ("vertrouwen in partners", "trust in partners"),
    "org.trust_received": ("ontvangen vertrouwen", "trust received"),
    "org.benefit": ("baat", "benefit"),
    "org.energy": ("energie", "energy"),
    "org.workload": ("werkdruk", "workload"),
    "alignment": ("gedeelde ambitie", "shared ambition"),
    "hierarchy": ("hiërarchie in leiderschap", "hierarchy in leadership"),
    "accountability": ("verantwoordingsdruk", "accountability pressure"),
    "complexity": ("complexiteit", "complexity"),
    "structure_demand": ("vraag naar structuur", "demand for structure"),
    "uncertainty": ("onzekerheid", "uncertainty"),
    "ownership": ("eigenaarschap", "ownership"),
    "existential_questions": ("partners met bestaansvragen", "partners with existential questions"),
    "dip.label": ("Netwerkdip: de vitaliteit zakt {depth:.0%} onder de piek van week {start}.",
                  "Netwerkdip: vitality falls {depth:.0%} below its peak of week {start}."),
    # why a netwerkdip fell, by counterfactual replay (explain.py; observers/dip.py narrate)
    "why.first_drop_one": ("Zonder {link} was de vitaliteit tot week {week} {saved} minder gedaald (van de {fall} die "
                           "ze daalde).",
                           "Without {link}, vitality would have fallen {saved} less by week {week} (of the {fall} it "
                           "fell)."),
    "why.first_shapley": ("Van de val van {fall} tot week {week} komt {saved} voor rekening van {link}.",
                          "Of the fall of {fall} by week {week}, {saved} is due to {link}."),
    "why.more": ("; {links}.", "; {links}."),
    "why.more_drop_one": ("zonder {link} {saved} minder", "without {link} {saved} less"),
    "why.more_shapley": ("{saved} van {link}", "{saved} to {link}"),
    "why.and": (" en ", " and "),
    "why.none": ("Geen enkele schakel van de keten verklaart op zichzelf iets van de val van {fall} tot week {week}.",
                 "No single link of the chain explains any of the fall of {fall} by week {week} on its own."),
    "why.overlap": ("Alle schakels samen vastgehouden scheelt {together}: minder dan de som, want ze liggen in één "
                    "keten en overlappen ({rest} dubbel geteld).",
                    "Holding all links together saves {together}: less than the sum, as they lie on one chain and "
                    "overlap ({rest} counted twice)."),
    "why.reinforce": ("Alle schakels samen vastgehouden scheelt {together}: {rest} meer dan de som, want ze versterken "
                      "elkaar.",
                      "Holding all links together saves {together}: {rest} more than the sum, as they reinforce "
                      "each other."),
    "why.adds_up": ("Alle schakels samen vastgehouden scheelt {together}.", "Holding all links together saves {together}."),
    "why.outside": ("De overige {outside} van de val komt van buiten deze schakels.",
                    "The other {outside} of the fall comes from outside these links."),
    "why.head": ("Waarom: netwerkdip {n} (piek in week {start}, gezien in week {detected})",
                 "Why: netwerkdip {n} (peak in week {start}, detected in week {detected})"),
    "why.method_drop_one": ("Teruggespeeld vanaf week {t0} ({lead} weken voor de piek), telkens met één schakel van de "
                            "keten vastgehouden en één keer met alle, met dezelfde toevalsgetallen, tot week {week}; "
                            "de vitaliteit daalde tot dan {fall}.",
                            "Replayed from week {t0} ({lead} weeks before the peak), each time with one link of the chain "
                            "held and once with all of them, with the same random numbers, to week {week}; vitality "
                            "fell {fall} by then."),
    "why.method_shapley": ("Teruggespeeld vanaf week {t0} ({lead} weken voor de piek) met elke combinatie van schakels "
                           "vastgehouden, met dezelfde toevalsgetallen, tot week {week} (Shapley-waarden); de vitaliteit "
                           "daalde tot dan {fall}.",
                           "Replayed from week {t0} ({lead} weeks before the peak) with every combination of links "
                           "held, with the same random numbers, to week {week} (Shapley values); vitality fell {fall} "
                           "by then."),
    "why.link": ("schakel", "link"),
    "why.saved": ("minder gedaald", "less fallen"),
    "why.share": ("deel van de val", "share of the fall"),
    "why.together": ("alle schakels samen", "all links together"),
    "why.rest": ("overlap (−) of versterking (+)", "overlap (−) or reinforcement (+)"),
    "why.rest_outside": ("van buiten de keten", "outside the chain"),
    "why.besides": ("Naast de keten: {causes}.", "Besides the chain: {causes}."),
    "why.without": ("zonder {cause} {saved} minder", "without {cause} {saved} less"),
    "why.besides_row": ("naast de keten: zonder {cause}", "besides the chain: without {cause}"),
    "why.not_computed": ("Waarom is niet berekend (run met --no-explain): `netwerksim explain {folder} --event {n}`.",
                         "Why was not computed (run with --no-explain): `netwerksim explain {folder} --event {n}`."),
    "why.more_detail": ("in detail: netwerksim explain {folder} --event {n}", "in detail: netwerksim explain {folder} --event {n}"),
    "why.no_dip": ("Deze run heeft geen netwerkdip: er is niets te verklaren.", "This run has no netwerkdip: nothing to explain."),
    "never_gets_going.label": ("Komt niet op gang: de vitaliteit zakt {depth:.0%} onder het niveau van week {start}, "
                               "zonder eerst te stijgen.",
                               "Never gets going: vitality falls {depth:.0%} below its level of week {start} without "
                               "rising first."),
    "never_gets_going.label_existing": ("Bestaand netwerk zakt weg: de vitaliteit zakt {depth:.0%} onder het niveau van "
                                        "week {start}, zonder eerst te stijgen.",
                                        "An existing network wears down: vitality falls {depth:.0%} below its level of "
                                        "week {start} without rising first."),
    "doorstart.label": ("Doorstart: de vitaliteit herstelt tot {level} na een dal van {trough} in week {trough_week}.",
                        "Doorstart: vitality recovers to {level} after a trough of {trough} in week {trough_week}."),
    # the workshop app (src/netwerksim/app)
    "app.title": ("netwerksim: werkplaats", "netwerksim: workshop"),
    "app.other_language": ("English", "Nederlands"),
    "app.scenario": ("Scenario", "Scenario"),
    "app.seed": ("Toevalsgetal (seed)", "Random seed"),
    "app.seed_error": ("'{value}' is geen geldig toevalsgetal: typ een heel getal van 0 tot en met {high}.",
                       "'{value}' is not a valid seed: type a whole number from 0 to {high}."),
    "app.play": ("Start", "Play"),
    "app.pause": ("Pauze", "Pause"),
    "app.step": ("Stap", "Step"),
    "app.reset": ("Opnieuw", "Reset"),
    "app.speed": ("{speed} weken/s", "{speed} weeks/s"),
    "app.speed_one": ("1 week/s", "1 week/s"),
    "app.pause_at": ("Pauzeer bij week", "Pause at week"),
    "app.paused_at": ("Gepauzeerd bij week {week}, zoals gevraagd.", "Paused at week {week}, as asked."),
    "app.week_of": ("Week {week} van {total}", "Week {week} of {total}"),
    "app.finished": ("Het einde van de run is bereikt. Kies 'Opnieuw' of een ander scenario.",
                     "The end of the run has been reached. Choose 'Reset' or another scenario."),
    "app.network": ("Het netwerk", "The network"),
    "app.network_legend": ("Stip = professional (kleur: soort organisatie): groter = meer energie, voller = meer "
                           "inzet. Lijn = werkrelatie: dikker = meer vertrouwen, feller = vaker samen aan tafel.",
                           "Dot = professional (colour: kind of organisation): larger = more energy, fuller = more "
                           "contribution. Line = working relation: thicker = more trust, stronger = met at a table "
                           "more often."),
    "app.network_gone": ("slapend of afgehaakt", "dormant or left"),
    "app.now": ("Nu in het netwerk", "The network now"),
    "app.vitality_now": ("Vitaliteit (gem. {weeks} wk): {value}", "Vitality (mean of {weeks} wk): {value}"),
    "app.dip_now": ("Netwerkdip: dalend sinds de piek in week {start}", "Netwerkdip: falling since the peak in week {start}"),
    "app.no_dip": ("Geen netwerkdip", "No netwerkdip"),
    "app.conflict": ("Conflictthermometer", "Conflict thermometer"),
    "app.stuck": ("Vastloopsituaties", "Stuck situations"),
    "app.stuck_none": ("Geen vastloopsituaties op dit moment.", "No stuck situations right now."),
    "app.charts": ("Het verloop", "The course"),
    "app.chart": ("Grafiek", "Chart"),
    "app.chart.vitality": ("Vitaliteit", "Vitality"),
    "app.chart.conditions": ("Condities", "Conditions"),
    "app.chart.capitals": ("Kapitalen", "Capitals"),
    "app.chart.vitality_mean": ("vitaliteit (gem. {weeks} wk)", "vitality (mean of {weeks} wk)"),
    "app.mark.dip": ("Netwerkdip gemeld", "Netwerkdip reported"),
    "app.mark.more": ("{first} + {n} meer", "{first} + {n} more"),
    "app.plot.capitals": ("De drie kapitalen (geschaald naar hun hoogste waarde)",
                          "The three capitals (scaled to their highest value)"),
    "app.log": ("Wat er gebeurde", "What happened"),
    "app.log_empty": ("Nog niets gebeurd.", "Nothing has happened yet."),
    "app.pending": ("gaat in vanaf week {week}: {label}", "takes effect from week {week}: {label}"),
    "app.intervene": ("Ingrijpen", "Intervene"),
    "app.group.restart": ("Herstartingrediënten", "Restart ingredients"),
    "app.group.pattern": ("Patroondoorbrekers", "Pattern breakers"),
    "app.group.relational": ("Relationele en andere interventies", "Relational and other interventions"),
    "app.group.governance": ("Bestuurlijke keuzes", "Governance"),
    "app.group.shock": ("Schokken", "Shocks"),
    "app.target": ("Welke organisatie?", "Which organisation?"),
    "app.need_target": ("Kies eerst welke organisatie: '{label}'.", "First choose which organisation: '{label}'."),
    "app.pressed": ("'{label}' gaat in vanaf week {week}.", "'{label}' takes effect from week {week}."),
    "app.debrief": ("Terugkijken", "Look back"),
    "app.view_week": ("Week", "Week"),
    "app.back_to_now": ("Terug naar nu", "Back to now"),
    "app.debrief_in_pause": ("Terugkijken en downloaden kan in de pauze.", "Looking back and downloads: in a pause."),
    "app.viewing": ("Je kijkt terug naar week {week}; de simulatie staat op week {now}.",
                    "You are looking back at week {week}; the simulation is at week {now}."),
    "app.download_data": ("Gegevens downloaden (CSV, Parquet)", "Download data (CSV, Parquet)"),
    "app.download_charts": ("Grafieken downloaden (PNG)", "Download charts (PNG)"),
    "app.download_network": ("Netwerk downloaden (PNG)", "Download the network (PNG)"),
    "app.present": ("Presentatie", "Presentation"),
    "app.present_off": ("Bediening", "Controls"),
    "app.error": ("Dat lukte niet: {error}", "That did not work: {error}"),
    "app.event.shock": ("Schok", "Shock"),
    "app.event.intervention": ("Interventie", "Intervention"),
    "app.event.governance": ("Bestuurlijk besluit", "Governance decision"),
    "app.event.status": ("Deelname", "Membership"),
    "app.event.vastloop": ("Vastloopsituatie", "Stuck situation"),
    "app.event.doorbraak": ("Doorbraak", "Breakthrough"),
    "app.event.conflict": ("Conflict", "Conflict"),
    "app.event.netwerkdip": ("Netwerkdip", "Netwerkdip"),
    "app.event.doorstart": ("Doorstart", "Doorstart"),
    "app.and": (" en ", " and "),
    "app.and_others": (" en {n} andere", " and {n} others"),
    "app.effect.where": ("Dat raakte {where}.", "It touched {where}."),
    "app.effect.organisations": ("{names}", "{names}"),
    "app.effect.forums": ("de tafel(s) {names}", "the table(s) {names}"),
    "app.effect.issues": ("de opgave(n) {names}", "the issue(s) {names}"),
    "app.effect.ties": ("{n} werkrelaties", "{n} working relations"),
    "app.effect.nothing": ("Het veranderde niets in dit netwerk: er was niets waar het op aangreep.",
                           "It changed nothing in this network: there was nothing for it to act on."),
    "app.no_lever": ("'{label}' gaat in vanaf week {week}, maar verandert in dit netwerk niets: {weeks} weken vooruit "
                     "gerekend blijft elke maat gelijk (er is nu niets waar het op aangrijpt).",
                     "'{label}' takes effect from week {week}, but changes nothing in this network: followed "
                     "{weeks} weeks ahead, every measure stays the same (there is nothing for it to act on now)."),
    "app.choice.decision_rule.consensus": ("Vanaf nu besluit het netwerk bij consensus.",
                                           "From now on the network decides by consensus."),
    "app.choice.decision_rule.majority": ("Vanaf nu besluit het netwerk bij meerderheid.",
                                          "From now on the network decides by majority."),
    "app.choice.decision_rule.lead_decides": ("Vanaf nu beslist de leider (of de netwerkorganisatie).",
                                              "From now on the lead (or the network organisation) decides."),
    "app.choice.performance_agreements.joint": ("Financiers maken gezamenlijke prestatieafspraken met het netwerk.",
                                                "Funders make joint performance agreements with the network."),
    "app.choice.performance_agreements.separate": ("Financiers maken aparte prestatieafspraken met elke partner.",
                                                   "Funders make separate performance agreements with each partner."),
    "app.choice.change_in_time.deadline": ("Samen stellen ze een deadline: druk, een point of no return.",
                                           "Together they set a deadline: pressure, a point of no return."),
    "app.choice.change_in_time.postpone": ("Samen stellen ze een deadline uit: er komt lucht.",
                                           "Together they postpone a deadline: room to breathe."),
    "app.choice.existential_threat.on": ("Het bestaan van alle partners staat op het spel (krimp, een subsidie die "
                                         "dreigt te verdwijnen): samen of niet.",
                                         "Every partner's existence is at stake (falling numbers, a subsidy at risk): "
                                         "together or not at all."),
    "app.choice.existential_threat.lifted": ("De dreiging voor het bestaan van de partners is voorbij.",
                                             "The threat to the partners' existence is over."),
    "app.doorstart": ("Doorstart in week {week}: de vitaliteit herstelt tot {level} na een dal van {trough} in week "
                      "{trough_week}.",
                      "Doorstart in week {week}: vitality recovers to {level} after a trough of {trough} in week "
                      "{trough_week}."),
    "app.doorstart.rise": ("{name} (+{by})", "{name} (+{by})"),
    "app.doorstart.risen": ("Sinds het dal stegen vooral {rises}.", "Since the trough, {rises} rose most."),
    "app.doorstart.done": ("Sinds de dip begon werd ingezet: {done}.", "Since the dip began: {done}."),
    "app.doorstart.nothing_done": ("Sinds de dip begon werd er niet ingegrepen.",
                                   "Nobody intervened since the dip began."),
    # the researcher's sweep analysis (sensitivity.py)
    "sweep.report_title": ("Gevoeligheidsanalyse", "Sensitivity analysis"),
    "sweep.report_setup": ("Ontwerp {design}: {points} punten x {replications} herhalingen = {runs} runs van {steps} weken "
                           "van het scenario '{scenario}'. Per punt is het gemiddelde over de herhalingen geanalyseerd.",
                           "Design {design}: {points} points x {replications} replications = {runs} runs of {steps} "
                           "weeks of the scenario '{scenario}'. Each point's mean over its replications was analysed."),
    "sweep.space": ("Gevarieerd", "Varied"),
    "sweep.morris_note": ("mu* is het gemiddelde absolute effect van een parameter over zijn hele bereik (met 95%-interval, "
                          "mu_star_conf); een grote sigma betekent dat het effect afhangt van de andere parameters of "
                          "niet-lineair is. Parameters met een kleine mu* kunnen in een Sobol-analyse vast blijven.",
                          "mu* is a parameter's mean absolute effect over its whole range (95% interval: mu_star_conf); "
                          "a large sigma means the effect depends on the other parameters or is non-linear. Parameters "
                          "with a small mu* can stay fixed in a Sobol analysis."),
    "sweep.sobol_note": ("S1 is het deel van de variantie van de uitkomst dat een parameter alleen verklaart, ST het deel "
                         "inclusief alle interacties; *_conf is de halve breedte van het 95%-bootstrapinterval. ST - S1 "
                         "groot: de parameter werkt vooral samen met andere.",
                         "S1 is the share of the outcome's variance a parameter explains alone, ST the share including "
                         "all its interactions; *_conf is the half-width of the 95% bootstrap interval. A large ST - S1: "
                         "the parameter acts mostly together with others."),
    "sweep.sobol_axis": ("Sobol-index (met 95%-interval)", "Sobol index (with 95% interval)"),
    "sweep.sobol_title": ("Sobol-indices: {metric}", "Sobol indices: {metric}"),
    "sweep.morris_title": ("Morris-screening: {metric}", "Morris screening: {metric}"),
    "sweep.outcome_title": ("{metric} per parameterwaarde (gemiddelde per punt)", "{metric} by parameter value (mean per point)"),
    "sweep.outcome2_title": ("{metric} over twee parameters", "{metric} over two parameters"),
    "sweep.binned_mean": ("gemiddelde", "mean"),
    "sweep.skipped_constant": ("geen indices: de uitkomst is in elk punt gelijk", "no indices: the outcome is the same at every point"),
    "sweep.skipped_undefined_points": ("geen indices: de uitkomst is in sommige punten in geen enkele run gedefinieerd",
                                       "no indices: the outcome is undefined in every run of some points"),
    "sweep.no_indices": ("Een {design}-ontwerp geeft geen gevoeligheidsindices: de figuren tonen de uitkomsten per "
                         "parameter. Voor indices: design = \"morris\" (screenen) of \"sobol\" (variantie-indices).",
                         "A {design} design gives no sensitivity indices: the figures show the outcomes by parameter. "
                         "For indices: design = \"morris\" (screening) or \"sobol\" (variance indices)."),
    "sweep.figures": ("Figuren", "Figures"),
    "sweep.uncertain": ("Onzeker (?): de index is negatief, of het 95%-interval omvat 0 of is breder dan de index zelf. Met zo weinig runs is "
                        "niet te zeggen of de parameter ertoe doet; verhoog samples (nu {samples}) in het sweepbestand, "
                        "bijvoorbeeld naar {suggest}.",
                        "Uncertain (?): the index is negative, or its 95% interval includes 0 or is wider than the index itself. With this few runs "
                        "it cannot be told whether the parameter matters; raise samples (now {samples}) in the sweep "
                        "file, e.g. to {suggest}."),
    "sweep.uncertain_short": ("open/gearceerd: index negatief of interval omvat 0 of is breder dan de index; verhoog samples",
                              "hollow/hatched: index negative, or interval includes 0 or exceeds the index; raise samples"),
    "sweep.provenance": ("Herkomst", "Provenance"),
    # optional parts (extras.py)
    "extra.missing": ("{module} is niet geïnstalleerd; installeer netwerksim[{extra}] (pip install 'netwerksim[{extra}]')",
                      "{module} is not installed; install netwerksim[{extra}] (pip install 'netwerksim[{extra}]')"),
    # kinds of organisation (scenario.KINDS)
    "kind.hospital": ("ziekenhuis", "hospital"),
    "kind.gp_coop": ("huisartsen", "GPs"),
    "kind.care_provider": ("zorgaanbieder", "care provider"),
    "kind.mental_health": ("ggz", "mental health care"),
    "kind.municipality": ("gemeente", "municipality"),
    "kind.insurer": ("zorgverzekeraar", "insurer"),
    "kind.school": ("school", "school"),
    "kind.school_board": ("schoolbestuur", "school board"),
    "kind.housing": ("woningcorporatie", "housing association"),
    "kind.employer": ("werkgever", "employer"),
    "kind.library": ("bibliotheek", "library"),
    "kind.welfare": ("welzijn", "welfare"),
    "kind.youth_work": ("jongerenwerk", "youth work"),
    "kind.education": ("onderwijs", "education"),
    "kind.other": ("overig", "other"),
    # the validation report (netwerksim patterns; patterns/report.py)
    "patterns.title": ("Validatie: patronen uit de bronnen", "Validation: patterns from the sources"),
    "patterns.intro": ("Elk patroon is een gestileerd feit uit de bronnen, vooraf vastgelegd met de oorzaken die de bron "
                       "noemt (patterns/). Het effect staat met een 95%-interval over de seeds; een contrast tussen twee "
                       "armen is per seed gepaard (dezelfde toevalsreeksen). Een patroon houdt stand als het effect de "
                       "gestelde minimale grootte haalt en, bij een verschil of verhouding, het interval geen effect "
                       "uitsluit. In de mutatiematrix staat elke genoemde oorzaak uit: dan hoort het patroon te "
                       "verdwijnen (gedood); blijft het staan (overleefd), dan is de oorzaak verkeerd of het patroon niet "
                       "verdiend.",
                       "Each pattern is a stylised fact of the sources, registered in advance with the causes the source "
                       "names (patterns/). Effects are given with a 95% interval over the seeds; a contrast between two "
                       "arms is paired by seed (the same random streams). A pattern holds when the effect reaches the "
                       "stated minimal size and, for a difference or a ratio, the interval excludes no effect. In the "
                       "mutation matrix each named cause is switched off: the pattern should then disappear (killed); if "
                       "it stays (survived), the cause is wrong or the pattern is not earned."),
    "patterns.summary": ("Samenvatting", "Summary"),
    "patterns.count": ("{passed} van {n} patronen houden stand.", "{passed} of {n} patterns hold."),
    "patterns.mutation_count": ("Mutaties: {killed} van {run} gedood (oorzaak uit, patroon weg).",
                                "Mutations: {killed} of {run} killed (cause off, pattern gone)."),
    "patterns.flagged_count": ("Gemarkeerd, een genoemde oorzaak kan weg zonder dat het patroon verdwijnt: {n} ({ids}).",
                               "Flagged, a named cause can be removed without losing the pattern: {n} ({ids})."),
    "patterns.fragile_count": ("Robuustheid over {points} punten van een Latijnse hyperkubus ({seeds} seeds per punt, "
                               "elke niet-genoemde parameter binnen ±25% van zijn standaardwaarde; een punt telt als het "
                               "geschatte effect de drempel haalt, naast hetzelfde oordeel bij de standaardwaarden met "
                               "evenveel seeds): fragiel (onder {share}): {n} ({ids}).",
                               "Robustness over {points} points of a Latin hypercube ({seeds} seeds a point, every "
                               "parameter the pattern does not name within ±25% of its default; a point counts when the "
                               "estimated effect reaches the threshold, beside the same verdict at the defaults with as "
                               "many seeds): fragile (under {share}): {n} ({ids})."),
    "patterns.at_defaults": ("bij standaard", "at defaults"),
    "patterns.region_count": ("Gebied waar alle patronen tegelijk standhouden: {k} van {n} punten ({share}, 95%-interval "
                              "{low}–{high}); de standaardwaarden liggen erin: {inside}.",
                              "Region where all patterns hold at once: {k} of {n} points ({share}, 95% interval "
                              "{low}–{high}); the defaults lie inside: {inside}."),
    "patterns.setup": ("{runs} runs in {minutes} minuten ({engine}); netwerksim {version}.",
                       "{runs} runs in {minutes} minutes ({engine}); netwerksim {version}."),
    "patterns.table": ("Patronen", "Patterns"),
    "patterns.col_pattern": ("patroon", "pattern"),
    "patterns.col_claim": ("bewering", "claim"),
    "patterns.col_effect": ("effect [95%-interval]", "effect [95% interval]"),
    "patterns.col_threshold": ("minimaal", "at least"),
    "patterns.col_verdict": ("oordeel", "verdict"),
    "patterns.col_mutations": ("oorzaak uit (mutatie)", "cause off (mutation)"),
    "patterns.col_robust": ("robuust", "robust"),
    "patterns.col_parameter": ("parameter", "parameter"),
    "patterns.col_default": ("standaard", "default"),
    "patterns.col_space": ("doorzocht", "searched"),
    "patterns.col_accepted": ("alle patronen houden stand", "all patterns hold"),
    "patterns.col_inside": ("standaard erin", "default inside"),
    "patterns.holds": ("houdt stand", "holds"),
    "patterns.fails": ("faalt", "fails"),
    "patterns.killed": ("gedood", "killed"),
    "patterns.survived": ("overleefd", "survived"),
    "patterns.fragile": ("fragiel", "fragile"),
    "patterns.yes": ("ja", "yes"),
    "patterns.no": ("nee", "no"),
    "patterns.region": ("Patroongerichte kalibratie: het gebied waar alle patronen standhouden",
                        "Pattern-oriented calibration: the region where all patterns hold"),
    "patterns.region_note": ("Een Latijnse hyperkubus van {points} punten over de parameters van de Morris-screening "
                             "(src/netwerksim/experiments/sweep_zorgnetwerk_morris.toml), elk punt met {seeds} seeds per patroon; een "
                             "punt blijft over als het geschatte effect van elk patroon er zijn drempel haalt (POM-filter).",
                             "A Latin hypercube of {points} points over the parameters of the Morris screening "
                             "(src/netwerksim/experiments/sweep_zorgnetwerk_morris.toml), each point with {seeds} seeds per pattern; a "
                             "point is kept when every pattern's estimated effect reaches its threshold there (POM filter)."),
    "patterns.targets": ("Getallen uit de bronnen", "Numbers from the sources"),
    "patterns.targets_note": ("Waar het model een overeenkomende grootheid heeft, is het getal een doel met een vooraf "
                              "gestelde tolerantie (src/netwerksim/patterns/targets.py); geen parameter is erop "
                              "afgesteld.",
                              "Where the model has a corresponding quantity, the number is a target with a tolerance "
                              "stated beforehand (src/netwerksim/patterns/targets.py); no parameter is tuned to it."),
    "patterns.col_says": ("de bron zegt", "the source says"),
    "patterns.col_target": ("doel", "target"),
    "patterns.col_model": ("het model", "the model"),
    "patterns.no_target": ("geen toets", "no test"),
    "patterns.within": ("binnen de tolerantie", "within tolerance"),
    "patterns.outside": ("buiten de tolerantie", "outside tolerance"),
    "patterns.ensemble": ("Generalisatie: gegenereerde netwerken", "Generalisation: generated networks"),
    "patterns.ensemble_note": (
        "{n} gegenereerde netwerken (netwerksim generate, zaden 0 t/m {n}-1), elk één run: {dips} met een netwerkdip, "
        "{never} kwamen niet op gang. Logistische regressie van 'netwerkdip' op de ontwerpwaarden over de {going} die "
        "op gang kwamen (een dip volgt op een energieke start, 003 L4604-4606), per "
        "standaarddeviatie (statsmodels Logit, 95%-interval). Gesteund: het hele interval ligt aan de kant die de "
        "bron noemt; zonder richting (–): controlevariabele.",
        "{n} generated networks (netwerksim generate, seeds 0 to {n}-1), one run each: {dips} with a netwerkdip, "
        "{never} never got going. Logistic regression of 'netwerkdip' on the design values over the {going} that got "
        "going (a dip follows an energetic start, 003 L4604-4606), per standard "
        "deviation (statsmodels Logit, 95% interval). Supported: the whole interval lies on the side the source "
        "gives; without a direction (–): a control."),
    "patterns.ensemble_unidentified": (
        "Te weinig netwerken om te schatten (de regressie convergeert niet of één waarde voorspelt de uitkomst "
        "volmaakt): niets is gesteund. Neem er meer (--ensemble 200).",
        "Too few networks to estimate (the regression does not converge or one value predicts the outcome "
        "perfectly): nothing is supported. Use more (--ensemble 200)."),
    "patterns.ensemble_driver": ("ontwerpwaarde (bron)", "design value (source)"),
    "patterns.ensemble_claim": ("bron", "source says"),
    "patterns.ensemble_coef": ("coëfficiënt [95%]", "coefficient [95%]"),
    "patterns.ensemble_odds": ("odds-ratio per SD", "odds ratio per SD"),
    "patterns.ensemble_verdict": ("gesteund", "supported"),
    "patterns.untested": ("Ongeteste parameters", "Untested parameters"),
    "patterns.untested_note": ("{n} parameters zet geen enkele dodende mutatie uit: geen patroon hangt van ze af.",
                               "{n} parameters are switched off by no killing mutation: no pattern depends on them."),
    "patterns.details": ("Per patroon", "Per pattern"),
    "patterns.source": ("bron", "source"),
    "patterns.claim": ("bewering", "claim"),
    "patterns.runs": ("runs en maat", "runs and measure"),
    "patterns.causes": ("genoemde oorzaken (uit te zetten)", "named causes (switched off)"),
    "patterns.reads": ("leest", "reads"),
    "patterns.when_written": ("gemeten bij het vastleggen", "measured when registered"),
    "ledger.title": ("Bronnen: de 85 gestileerde feiten en hoe het model ze dekt",
                     "Sources: the 85 stylised facts and how the model covers them"),
    "ledger.intro": ("Gegenereerd door `make validate` uit het patroonregister (src/netwerksim/patterns/) en de tabel van "
                     "feiten zonder patroon (patterns/facts.py). Een feit is gedekt als zijn patroon standhoudt én "
                     "verdwijnt wanneer elke oorzaak die de bron noemt wordt uitgezet (de mutatie doodt het). Zie "
                     "docs/validatie.md voor de effecten en intervallen.",
                     "Generated by `make validate` from the pattern registry (src/netwerksim/patterns/) and the table of "
                     "facts without a pattern (patterns/facts.py). A fact is covered when its pattern holds and "
                     "disappears when each cause the source names is switched off (the mutation kills it). See "
                     "docs/validatie.md for the effects and intervals."),
    "ledger.total": ("totaal", "total"),
    "ledger.source": ("Bron", "Source"),
    "ledger.col_fact": ("feit (regels)", "fact (lines)"),
    "ledger.col_claim": ("bewering", "claim"),
    "ledger.col_status": ("status", "status"),
    "game.you_fell": ("met jullie keuzes zakte de vitaliteit tot {v}", "with your choices vitality fell to {v}"),
    "game.you_rose": ("met jullie keuzes steeg de vitaliteit tot {v}", "with your choices vitality rose to {v}"),
    "game.model_fell": ("als de organisaties hadden gedaan wat het model doet, was die gezakt tot {v}",
                        "had the organisations done what the model does, it would have fallen to {v}"),
    "game.model_rose": ("als de organisaties hadden gedaan wat het model doet, was die gestegen tot {v}",
                        "had the organisations done what the model does, it would have risen to {v}"),
    "game.by_model": ("model", "model"),
    "game.diff.hours": ("Het grootste verschil: {org} gaf gemiddeld {h} uur per week, in de modelversie {m} uur.",
                        "The largest difference: {org} gave {h} hours a week on average, {m} hours in the model's run."),
    "game.diff.quiet": ("Aan het eind waren {n} organisaties slapend of afgehaakt, in de modelversie {m}.",
                        "At the end {n} organisations were dormant or had left, {m} in the model's run."),
    "game.diff.most": ("De keuzes van {org} ({who}) maakten het meeste verschil: had het model {org} gespeeld, dan "
                       "was de vitaliteit {v} geweest in plaats van {g}.",
                       "The choices of {org} ({who}) made the most difference: had the model played {org}, vitality "
                       "would have been {v} instead of {g}."),
    "game.report.title": ("Verslag van het netwerkspel", "Report of the network game"),
    "game.report.about": ("Netwerk: {scenario}, seed {seed}; {rounds} rondes, {weeks} weken.",
                          "Network: {scenario}, seed {seed}; {rounds} rounds, {weeks} weeks."),
    "game.report.players": ("Wie speelde wat", "Who played what"),
    "game.report.weights": ("Wiens keuzes maakten het verschil", "Whose choices made the difference"),
    "game.report.without": ("vitaliteit als het model deze organisatie had gespeeld",
                            "vitality had the model played this organisation"),
    "game.report.change": ("verschil door hun keuzes", "difference their choices made"),
    "game.report.pairs": ("Elke regel speelt het spel opnieuw met dezelfde toevalsgetallen en alle keuzes, behalve die "
                          "van één organisatie: die speelt het model. Samen tellen de verschillen niet precies op tot "
                          "het hele verschil: keuzes werken op elkaar in.",
                          "Each line plays the game again with the same random numbers and every choice except one "
                          "organisation's, which the model plays. Together the differences need not add up to the "
                          "whole difference: choices interact."),
    "game.report.choices": ("Keuzes per ronde naast die van het model (gemiddelde over de ronde)",
                            "Choices per round beside the model's (mean over the round)"),
    "game.report.chosen_hours": ("uren (jullie)", "hours (yours)"),
    "game.report.model_hours": ("uren (model)", "hours (model)"),
    "game.report.open": ("info open", "information open"),
    "game.report.yes": ("ja", "yes"),
    "game.report.no": ("nee", "no"),
    "game.page.title": ("Netwerkspel", "Network game"),
    "game.page.not_trainer": ("Dit is de pagina van de spelleider: de code in het adres klopt niet.",
                              "This is the trainer's page: the token in the address is wrong."),
    "game.page.round_week": ("Ronde {r} · week {week} van {total}", "Round {r} · week {week} of {total}"),
    "game.page.close_now": ("Sluit de ronde nu", "Close the round now"),
    "game.page.start_round": ("Start ronde ({weeks} weken)", "Start round ({weeks} weeks)"),
    "game.page.end": ("Einde → nabespreking", "End → debrief"),
    "game.page.ending": ("De nabespreking wordt voorbereid …", "Preparing the debrief …"),
    "game.page.over": ("het spel is afgelopen", "the game is over"),
    "game.page.played_legend": ("★ gespeeld door deelnemers; de andere organisaties speelt het model.",
                                "★ played by participants; the model plays the other organisations."),
    "game.page.join_at": ("Doe mee met je telefoon: scan de code of typ", "Join from your phone: scan or type"),
    "game.page.who": ("Wie speelt wat (✓ heeft gekozen)", "Who plays what (✓ has decided)"),
    "game.page.model_plays": ("het model speelt", "played by the model"),
    "game.page.between": ("Tussen de rondes: interventie of schok", "Between rounds: intervention or shock"),
    "game.page.press": ("Indrukken", "Press"),
    "game.page.debrief": ("Nabespreking", "Debrief"),
    "game.page.download": ("Download (alleen bijnamen):", "Download (nicknames only):"),
    "game.page.report": ("verslag", "report"),
    "game.page.col_round": ("ronde", "round"),
    "game.page.col_org": ("organisatie", "organisation"),
    "game.page.col_by": ("gekozen door", "decided by"),
    "game.page.col_chosen": ("jullie keuze", "your choice"),
    "game.page.col_model": ("wat het model zou kiezen (gemiddeld)", "the model's choice (round mean)"),
    "game.page.you": ("met jullie keuzes", "with your choices"),
    "game.page.model": ("als het model had gekozen", "had the model chosen"),
    "game.page.hours_short": ("{h} uur", "{h} hours"),
    "game.page.closed_short": ("info dicht", "info held back"),
    "game.page.unknown_token": ("Dit adres hoort bij geen deelnemer van dit spel: doe opnieuw mee.",
                                "This address belongs to no participant of this game: join again."),
    "game.page.welcome": ("Doe mee met het netwerkspel", "Join the network game"),
    "game.page.code": ("Code van het scherm", "Code on the screen"),
    "game.page.nickname": ("Bijnaam", "Nickname"),
    "game.page.no_real_names": ("Een bijnaam is genoeg; je echte naam is niet nodig.",
                                "A nickname is enough; your real name is not needed."),
    "game.page.pick_org": ("Kies een organisatie", "Choose an organisation"),
    "game.page.join": ("Meedoen", "Join"),
    "game.page.you_play": ("{nick}, jij speelt:", "{nick}, you play:"),
    "game.page.wait": ("Wacht tot de spelleider de eerste ronde start.", "Wait for the trainer to start the first round."),
    "game.page.wait_next": ("Ronde {r} is gespeeld. Wacht op de volgende ronde.",
                            "Round {r} has been played. Wait for the next round."),
    "game.page.round": ("Ronde {r}", "Round {r}"),
    "game.page.last_round": ("Wat er gebeurde in de vorige ronde", "What happened in the last round"),
    "game.page.partners": ("Hoe het de partners gaat", "How the partners are doing"),
    "game.page.stored": ("✓ Opgeslagen: de keuze van {nick} telt voor deze ronde.",
                         "✓ Stored: {nick}'s choice counts for this round."),
    "game.page.choose": ("Jullie keuze voor deze ronde", "Your choice for this round"),
    "game.page.hours": ("Uren per week voor het netwerk: {h} (van {max})", "Hours a week for the network: {h} (of {max})"),
    "game.page.tables": ("Naar welke tafels gaan jullie mensen?", "Which tables do your people go to?"),
    "game.page.open": ("Informatie open delen", "Share information openly"),
    "game.page.stance_q": ("Het netwerk levert minder op dan jullie alternatief. Wat doen jullie?",
                           "The network is worth less than your alternative. What do you do?"),
    "game.page.stance.stay": ("blijven", "stay"),
    "game.page.stance.dormant": ("slapend lid", "go dormant"),
    "game.page.stance.leave": ("afhaken", "leave"),
    "game.page.let_model": ("Laat het model kiezen", "Let the model choose"),
    "game.page.left_to_model_short": ("het model laten kiezen", "let the model choose"),
    "game.page.stored_model": ("✓ Opgeslagen: {nick} laat het model kiezen voor deze ronde.",
                               "✓ Stored: {nick} lets the model choose for this round."),
    "game.page.left_network": ("{org} heeft het netwerk verlaten: er is niets meer te kiezen. Je kunt wel blijven "
                               "meekijken: hoe het de partners gaat en wat er in het netwerk gebeurt. Praat mee in de "
                               "zaal; in de nabespreking zie je wat jullie keuzes deden.",
                               "{org} has left the network: there is nothing left to choose. You can still follow how "
                               "the partners are doing and what happens in the network, join the talk in the room, and "
                               "see in the debrief what your choices did."),
    "game.page.weeks_per_round": ("weken per ronde", "weeks a round"),
    "game.page.countdown_s": ("seconden", "seconds"),
    "game.page.submit": ("Keuze vastleggen", "Submit choice"),
    "game.status.active": ("doet actief mee", "takes part"),
    "game.status.dormant": ("slapend lid", "dormant"),
    "game.status.exited": ("afgehaakt", "has left"),
    "game.status.pending": ("nog niet aangesloten", "not yet joined"),
    "game.brief.energy": ("Energie van jullie mensen: {v} (0-1); werkdruk: {w}.",
                          "Your people's energy: {v} (0-1); workload: {w}."),
    "game.brief.value_above": ("Het netwerk levert jullie {v} op; jullie alternatief: {alt}. Meedoen loont nog.",
                               "The network is worth {v} to you; your alternative: {alt}. Taking part still pays."),
    "game.brief.value_below": ("Het netwerk levert jullie {v} op, minder dan jullie alternatief ({alt}): blijven, "
                               "slapend lid worden of afhaken?",
                               "The network is worth {v} to you, less than your alternative ({alt}): stay, go "
                               "dormant or leave?"),
    "game.brief.hours": ("Vorige week gaven jullie {h} uur aan het netwerk, van de {max} uur die jullie kunnen geven.",
                         "Last week you gave the network {h} hours, of the {max} hours you can give."),
    "game.brief.partner": ("{org}: {status}, gaf {h} uur; vertrouwen van de anderen: {trust}.",
                           "{org}: {status}, gave {h} hours; the others' trust: {trust}."),
    "ledger.col_how": ("patroon of reden", "pattern or reason"),
    "ledger.status_covered": ("patroon, oorzaak getoetst", "pattern, cause tested"),
    "ledger.status_partly": ("patroon, deels", "pattern, partly"),
    "ledger.not_reproduced": ("niet gereproduceerd", "not reproduced"),
    "ledger.status_fails": ("patroon faalt", "pattern fails"),
    "ledger.status_unmeasured": ("patroon, niet doorgerekend", "pattern, not run"),
    "ledger.status_elsewhere": ("test elders, nog te registreren", "test elsewhere, still to register"),
    "ledger.status_mechanism": ("alleen mechanisme", "mechanism only"),
    "ledger.status_absent": ("niet gemodelleerd", "not modelled"),
}


def t(key: str, lang: Lang = "nl", **fmt) -> str:
    """The text for ``key`` in ``lang``, formatted with ``fmt``."""
    nl, en = TEXT[key]
    return (nl if lang == "nl" else en).format(**fmt)


def decimal(value: float, lang: Lang = "nl", fmt: str = ".2f") -> str:
    """A number for a sentence: a Dutch decimal comma in Dutch, a real minus sign."""
    text = format(value, fmt).replace("-", "−")
    return text.replace(".", ",") if lang == "nl" else text


def number(value: float, fmt: str, lang: Lang = "nl", *, signed: bool = False) -> str:
    """A value as a metric prints it (``fmt``: ".2f", ".0%", ...): a Dutch decimal comma, a real minus sign, "–"
    for a missing value; with ``signed``, a leading + or − (none for what rounds to 0) and a share's
    difference in percentage points."""
    if value != value:
        return "–"
    unit = ""
    if signed and fmt.endswith("%"):
        value, fmt, unit = value * 100, f".{fmt[1:-1] or '0'}f", t("compare.pp", lang)
    text = format(value, ("+" if signed else "") + fmt)
    if signed and float(format(value, fmt)) == 0:
        text = text.lstrip("+-")
    text = text.replace("-", "−")
    return (text.replace(".", ",") if lang == "nl" else text) + unit


def both(key: str, **fmt) -> dict[str, str]:
    """``{"label_nl": ..., "label_en": ...}`` for an event record."""
    return {"label_nl": t(key, "nl", **fmt), "label_en": t(key, "en", **fmt)}
