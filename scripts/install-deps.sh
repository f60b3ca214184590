#!/usr/bin/env bash
# Installs what Sitrep needs beyond the Swift toolchain. Idempotent; quiet when all is present.
set -euo pipefail
need=()
# SQLite's headers for GRDB's system SQLite (FTS5 included).
dpkg -s libsqlite3-dev >/dev/null 2>&1 || need+=(libsqlite3-dev)
if [ ${#need[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then SUDO=sudo; else SUDO=; fi
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}"
fi
