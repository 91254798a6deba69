# Sourced by scripts/backup-mariadb and scripts/restore-mariadb.
#
# read_connection CONFIG: reads database.connection from erp-host's
# properties file (host=...;port=...;db=...;user=...;password=...), sets
# DB, and writes the client options to a temporary file readable by this
# user alone (OPTIONS), so that the password is on no command line.

find_client() {
	for name in "$@"; do
		if command -v "$name" >/dev/null; then
			command -v "$name"
			return 0
		fi
	done
	echo "none of $* found (Debian: mariadb-client)" >&2
	return 1
}

read_connection() {
	local config="$1" connection part key value
	if [ ! -r "$config" ]; then
		echo "cannot read the configuration $config" >&2
		exit 1
	fi
	if ! grep -Eq '^[[:space:]]*database\.connector[[:space:]]*[=:][[:space:]]*mysql[[:space:]]*$' "$config"; then
		echo "$config: database.connector is not mysql (SQLite: erp-host --backup=FILE)" >&2
		exit 1
	fi
	connection="$(sed -n -E 's/^[[:space:]]*database\.connection[[:space:]]*[=:][[:space:]]*//p' "$config" | tail -n 1)"
	if [ -z "$connection" ]; then
		echo "$config: no database.connection" >&2
		exit 1
	fi
	local host=127.0.0.1 port=3306 user="" password="" socket=""
	DB=""
	IFS=';' read -r -a parts <<<"$connection"
	for part in "${parts[@]}"; do
		key="$(echo "${part%%=*}" | tr -d '[:space:]' | tr '[:upper:]' '[:lower:]')"
		value="${part#*=}"
		case "$key" in
		host) host="$value" ;;
		port) port="$value" ;;
		db) DB="$value" ;;
		user) user="$value" ;;
		password) password="$value" ;;
		socket) socket="$value" ;;
		esac
	done
	if [ -z "$DB" ]; then
		echo "$config: database.connection names no db=" >&2
		exit 1
	fi
	OPTIONS="$(mktemp)"
	chmod 600 "$OPTIONS"
	{
		echo "[client]"
		echo "host=$host"
		echo "port=$port"
		[ -n "$socket" ] && echo "socket=$socket"
		echo "user=$user"
		echo "password=\"$password\""
	} >"$OPTIONS"
}
