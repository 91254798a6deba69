# Shared by the packages tests (sourced): their checks, and what both do
# with a started host.

failures=0
passes=0
check() { # check DESCRIPTION CONDITION...: a line "ok   " or "FAIL ", then $CHECK_PREFIX and DESCRIPTION
	local what="$1"
	shift
	if "$@"; then
		echo "ok   ${CHECK_PREFIX:-}$what"
		passes=$((passes + 1))
	else
		echo "FAIL ${CHECK_PREFIX:-}$what"
		failures=$((failures + 1))
	fi
}

add_users() { # add_users FILE PREFIX: an administrator and an accountant (maria) with new tokens, in ADMIN_TOKEN and MARIA_TOKEN
	ADMIN_TOKEN="$2-admin-$(openssl rand -hex 12)"
	MARIA_TOKEN="$2-maria-$(openssl rand -hex 12)"
	cat >>"$1" <<CONF
users.admin.role = admin
users.admin.token = $ADMIN_TOKEN
users.maria.role = accountant
users.maria.token = $MARIA_TOKEN
CONF
}

wait_for_health() { # wait_for_health PID LOG: until $BASE/api/health answers (0), or PID ends or 20 s pass (1, LOG shown)
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "$BASE/api/health" && return 0
		kill -0 "$1" 2>/dev/null || break
		sleep 0.2
	done
	cat "$2"
	return 1
}
