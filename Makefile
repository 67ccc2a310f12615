# Two commands do all the set-up on Debian/Ubuntu:
#   make run   installs what is missing and starts the app on its bundled workouts
#   make test  installs what is missing (plus Xvfb) and runs the whole suite
# A second run installs nothing again: system packages are checked with dpkg,
# the virtual environment is rebuilt only when pyproject.toml changes.

PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

# libvlc and its video output, the xcb libraries Qt's xcb platform plugin
# loads, and the libraries QtMultimedia needs for the beeps.
APT_RUN := libvlc5 libvlc-bin vlc-plugin-base vlc-plugin-video-output speech-dispatcher \
	libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0 \
	libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxkbcommon-x11-0 \
	libxkbcommon0 libegl1 libgl1 libfontconfig1 libdbus-1-3 libglib2.0-0 \
	libpulse0 libasound2 fonts-dejavu-core
# A virtual screen for the end-to-end tests; ffmpeg makes the test videos;
# desktop-file-validate, appstreamcli and gio (GLib's launcher) check the
# launcher files that `workout-player install-desktop` puts in place; dbus-daemon gives the
# MPRIS tests a private session bus and playerctl is the real client they drive it with;
# poppler-utils (pdftotext, pdftoppm, pdffonts) reads back the PDF `workout-player report` writes.
APT_TEST := xvfb xauth ffmpeg desktop-file-utils appstream libglib2.0-bin dbus playerctl poppler-utils
# The benchmark draws its own test video with ffmpeg and records what the app plays from
# a PulseAudio null sink (pulseaudio, parec). The voice figures also need
# speech-dispatcher-espeak-ng, left out on purpose: with it and no sound server,
# speech-dispatcher can hang (the app then turns its voice off: audio/speechd.py).
APT_BENCH := ffmpeg pulseaudio pulseaudio-utils


.PHONY: run test lint bench install system-deps test-deps clean help

help:
	@echo "make run    install what is missing, then start Workout Player"
	@echo "make test   install what is missing, then run lint, type checks and tests"
	@echo "make bench  run the benchmarks in bench/ and write bench/results.json"

run: system-deps install
	$(BIN)/workout-player

test: system-deps test-deps install lint
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest

lint: install
	$(BIN)/ruff check workout_player tests scripts bench
	$(BIN)/ruff format --check workout_player tests scripts bench
	$(BIN)/mypy workout_player
	$(BIN)/lint-imports

bench: system-deps test-deps install
	@$(MAKE) --no-print-directory apt PKGS="$(APT_BENCH)"
	$(BIN)/python bench/run_all.py

system-deps:
	@$(MAKE) --no-print-directory apt PKGS="$(APT_RUN)"

test-deps:
	@$(MAKE) --no-print-directory apt PKGS="$(APT_TEST)"

# Install the Debian packages of PKGS that are not installed yet (and nothing
# when all are). Ubuntu 24.04 renamed some libraries with a t64 suffix
# (libasound2 -> libasound2t64): a name apt only knows as virtual gets that
# suffix. Other systems get a pointer to the README instead.
apt:
	@missing=""; \
	if command -v dpkg-query >/dev/null 2>&1; then \
	  for p in $(PKGS); do \
	    dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || \
	    dpkg-query -W -f='$${Status}' $${p}t64 2>/dev/null | grep -q "install ok installed" || \
	    missing="$$missing $$p"; \
	  done; \
	  if [ -n "$$missing" ]; then \
	    sudo=""; [ "$$(id -u)" -ne 0 ] && sudo="sudo"; \
	    echo "Installing system packages:$$missing"; \
	    $$sudo apt-get update -qq || exit 1; \
	    wanted=""; \
	    for p in $$missing; do \
	      if apt-cache show --no-all-versions $$p >/dev/null 2>&1; then wanted="$$wanted $$p"; \
	      elif apt-cache show --no-all-versions $${p}t64 >/dev/null 2>&1; then wanted="$$wanted $${p}t64"; \
	      else wanted="$$wanted $$p"; fi; \
	    done; \
	    DEBIAN_FRONTEND=noninteractive $$sudo apt-get install -y -qq --no-install-recommends $$wanted; \
	  fi; \
	else \
	  echo "Not a Debian/Ubuntu system: install VLC yourself (see README.md, 'macOS and Windows')."; \
	fi

install: $(STAMP)

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
	  { echo "Workout Player needs Python 3.11 or newer ($(PYTHON) is older)."; exit 1; }
	@$(PYTHON) -c 'import ensurepip' 2>/dev/null || $(MAKE) --no-print-directory apt PKGS="python3-venv"
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
