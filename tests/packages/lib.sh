# Shared by the packages tests (sourced): what both do with a started host.

wait_for_health() { # wait_for_health PID LOG: until $BASE/api/health answers (0), or PID ends or 20 s pass (1, LOG shown)
	for _ in $(seq 1 100); do
		curl -s -o /dev/null "$BASE/api/health" && return 0
		kill -0 "$1" 2>/dev/null || break
		sleep 0.2
	done
	cat "$2"
	return 1
}
