# Sourced by run.sh and run_servers.sh: wall and CPU time of one command,
# and the median of several runs with their range. Needs $work (a directory).

# User + system CPU time, in microseconds, of the children this shell has
# waited for, from the output of bash's `times` in FILE (its second line).
cpu_us_of() {
    sed -n 2p "$1" | awk '{
        total = 0
        for (i = 1; i <= NF; i++) {
            split($i, part, "m")
            sub("s", "", part[2])
            total += part[1] * 60 + part[2]
        }
        printf "%d", total * 1000000 }'
}

# timed COMMAND...: runs it in this shell and sets wall_us and cpu_us. CPU
# time counts every process the command waited for, so a program that works
# on several cores shows more CPU than wall time.
timed() {
    local start end
    # `times` with a redirection runs in this shell; in $(...) it would see
    # only the subshell's children.
    times >"$work/times-before"
    start=${EPOCHREALTIME/./}
    "$@"
    end=${EPOCHREALTIME/./}
    times >"$work/times-after"
    wall_us=$((end - start))
    cpu_us=$(($(cpu_us_of "$work/times-after") - $(cpu_us_of "$work/times-before")))
}

# summary MICROSECONDS...: "median min max" in milliseconds.
summary() {
    printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END {
        m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "%.1f %.1f %.1f", m / 1000, v[1] / 1000, v[NR] / 1000 }'
}

# "median (min-max)" of a summary.
spread() {
    local median min max
    read -r median min max <<<"$1"
    printf '%s (%s-%s)' "$median" "$min" "$max"
}

median_of() {
    local median rest
    read -r median rest <<<"$1"
    echo "$median"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "-" }'; }
