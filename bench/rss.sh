#!/bin/sh
# rss.sh measures the peak RSS and time of `czql lint`, `fmt`, `translate`
# and `parse --ast` on inputs of 1, 10 and 50 MB, for the "Any size" table
# of BENCHMARKS.md: many small statements (four shapes in turn, with a
# relation sub-select, an aggregate and a LIKE) and a file of nothing but
# ';'. It needs GNU time (/usr/bin/time). CZQL names the binary to
# measure (default: built from this checkout); SIZES the sizes in MB.
set -eu
cd "$(dirname "$0")/.."
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
czql=${CZQL:-$dir/czql}
[ -n "${CZQL:-}" ] || go build -o "$czql" ./cmd/czql
sizes=${SIZES:-1 10 50}

for mb in $sizes; do
	awk -v bytes=$((mb * 1000000)) 'BEGIN {
		s[0] = "SELECT Name, StartDate FROM Task WHERE Name LIKE '\''a%'\'' AND Duration > 3;"
		s[1] = "SELECT Name FROM Project ORDER BY Name LIMIT 10;"
		s[2] = "SELECT COUNT(Id) AS n FROM Task GROUP BY State;"
		s[3] = "SELECT Name, (SELECT Name FROM Resources) FROM Task WHERE Manager.Name = '\''x'\'';"
		for (i = 0; n < bytes; i++) { line = s[i % 4]; print line; n += length(line) + 1 }
	}' >"$dir/small$mb.czql"
	head -c $((mb * 1000000)) /dev/zero | tr '\0' ';' >"$dir/semi$mb.czql"
done

echo "| command | input | size | time | peak RSS | RSS / input |"
echo "|---|---|---|---|---|---|"
for cmd in lint fmt translate "parse --ast"; do
	for kind in small semi; do
		for mb in $sizes; do
			f="$dir/$kind$mb.czql"
			# shellcheck disable=SC2086 # $cmd is a command and a flag
			/usr/bin/time -f "%e %M" -o "$dir/time" "$czql" $cmd "$f" >/dev/null 2>&1 || true
			read -r secs kb <"$dir/time"
			size=$(wc -c <"$f")
			echo "| $cmd | $kind | $mb MB | $secs s | $((kb / 1024)) MB | $(awk -v k="$kb" -v s="$size" 'BEGIN { printf "%.1f×", k * 1024 / s }') |"
		done
	done
done
