#!/usr/bin/env bash
# Installs Debian's headless-capable Chromium for the report rendering tests (EvaluateCommandTest,
# DemoCommandTest), if it is missing. Never fails the build: without a browser those tests skip the
# rendering check with a message and still check every link and image file.
set -u
for browser in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
  if [ -x "$browser" ]; then
    echo "install-chromium: $browser is already installed"
    exit 0
  fi
done
if ! command -v apt-get >/dev/null 2>&1; then
  echo "install-chromium: no apt-get here; the browser rendering tests will be skipped" >&2
  exit 0
fi
sudo=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo="sudo -n"
  else
    echo "install-chromium: not root and no password-less sudo; the browser rendering tests will be skipped" >&2
    exit 0
  fi
fi
export DEBIAN_FRONTEND=noninteractive
if $sudo apt-get update -qq >/dev/null 2>&1 \
    && $sudo apt-get install -y -qq --no-install-recommends chromium >/dev/null 2>&1; then
  echo "install-chromium: installed $(/usr/bin/chromium --version 2>/dev/null || echo chromium)"
else
  echo "install-chromium: could not install chromium (offline?); the browser rendering tests will be skipped" >&2
fi
exit 0
