#!/usr/bin/env bash
# Installs the Debian 12 packages the project needs, only those missing.
# Idempotent; needs root (or sudo) only when something is missing.
set -euo pipefail

PACKAGES=(
	g++ cmake make pkg-config
	libpoco-dev libcppunit-dev
	libhowardhinnant-date-dev libdate-tz3 tzdata
	libmariadb-dev libctemplate-dev
	python3 python3-aiosmtpd postfix
	libemail-mime-perl libemail-address-xs-perl
	valgrind curl jq openssl clang-format sqlite3 ccache clang libclang-rt-14-dev
	libsodium-dev chromium mariadb-server
	python3-prometheus-client libsqlite3-dev mariadb-client
	dpkg-dev file lintian devscripts
)

# dpkg-dev (dpkg-shlibdeps) and file: CPack's DEB generator computes the
# packages' library dependencies with them; lintian checks the packages
# (tests/packages), and devscripts' hardening-check their hardening.
# python3-prometheus-client: the tests read GET /metrics with its text
# parser. libsqlite3-dev: SQLite's backup API (erp-host --backup) and the
# health check's own read-only open. mariadb-client: mariadb-dump and
# mariadb for scripts/backup-mariadb and restore-mariadb.
# mariadb-server: the throwaway server of the *_mariadb tests
# (scripts/mariadb-test-server runs mariadbd as an ordinary process); the
# system service is never used, and stopped if the package started it.
# libsodium-dev: Argon2id password hashes. chromium: the browser tests
# (tests/browser), driven by playwright-core from the npm registry.
# clang and libclang-rt-14-dev (libFuzzer and the sanitizer runtimes) build
# the fuzz targets of scripts/fuzz.sh; the runtime is only recommended by
# clang's packages, hence listed.

# libemail-mime-perl (Perl's Email::MIME) is the second, independent MIME
# parser the mail tests read each composed message with.
# Postfix only provides the smtp-sink test peer; its daemon is never started.
if ! dpkg-query -W -f='${Status}' postfix 2>/dev/null | grep -q "install ok installed"; then
	echo "postfix postfix/main_mailer_type select Local only" | ${SUDO:-} debconf-set-selections 2>/dev/null || true
	echo "postfix postfix/mailname string localhost" | ${SUDO:-} debconf-set-selections 2>/dev/null || true
fi

missing=()
for package in "${PACKAGES[@]}"; do
	if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
		missing+=("$package")
	fi
done

# Node.js and npm: the machine's own when it has them, else Debian's.
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
	SUDO="sudo"
fi
if [ ${#missing[@]} -eq 0 ]; then
	echo "install-deps: all ${#PACKAGES[@]} packages present"
else
	echo "install-deps: installing ${missing[*]}"
	$SUDO apt-get update -qq
	DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
	if [[ " ${missing[*]} " == *" mariadb-server "* ]]; then
		$SUDO invoke-rc.d mariadb stop >/dev/null 2>&1 || $SUDO service mariadb stop >/dev/null 2>&1 || true
	fi
fi

# The npm packages, exactly as the lock files name them: htmx (served by the
# host; the build copies it) and playwright-core with axe-core (the browser
# tests). Installed again only when a lock file changed.
cd "$(dirname "$0")/.."
for folder in host/server/web tests/browser; do
	if [ ! -f "$folder/node_modules/.package-lock.json" ] ||
		[ "$folder/package-lock.json" -nt "$folder/node_modules/.package-lock.json" ]; then
		echo "install-deps: npm ci in $folder"
		(cd "$folder" && npm ci --no-audit --no-fund --loglevel=error)
	fi
done
echo "install-deps: done"
