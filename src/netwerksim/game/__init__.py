"""The game (issue 19, "Spelvorm"): participants play the organisations of a network, round by round.

:mod:`.room` holds the room (join code, participants, rounds, stored choices, the server's checks);
:mod:`.debrief` replays the network with every organisation played by the model and sets the two side by side.
The model's seam for choices from outside is :mod:`netwerksim.choices`.
"""
