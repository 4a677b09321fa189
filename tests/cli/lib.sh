# The harness the command-line tests share. Source it with the s75check binary
# as $1; it sets $bin and $tmp (removed on exit) and counts checks. Each check
# passes or prints "FAIL ..." with the output it looked at; `finish` prints
# "N passed, N failed" and gives the script's exit status.
set -u
bin=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

pass() { passed=$((passed + 1)); }
fail() {
  failed=$((failed + 1))
  echo "FAIL $1"
  if [[ -n ${2:-} ]]; then head -20 "$2"; fi
}

# expect NAME WANT_STATUS COMMAND...: runs COMMAND with its output in $tmp/out
# and $tmp/err, and checks the exit status.
expect() {
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local got=$?
  if [[ $got == "$want" ]]; then
    pass
  else
    fail "$name: exit $got, wanted $want"
    head -20 "$tmp/out" "$tmp/err"
  fi
}

# contains / lacks NAME FILE PATTERN: FILE has (has no) line matching the regex.
# A FILE that cannot be read (never written) or a bad PATTERN fails either.
contains() { if grep -qE -- "$3" "$2"; then pass; else fail "$1: no line matching /$3/ in:" "$2"; fi; }
lacks() {
  grep -qE -- "$3" "$2"
  case $? in
    0) fail "$1: unexpected /$3/ in:" "$2" ;;
    1) pass ;;
    *) fail "$1: cannot read $2 (or /$3/ is not a regular expression)" ;;
  esac
}

# count NAME FILE PATTERN N: exactly N lines of FILE match PATTERN.
# same NAME FILE EXPECTED: FILE's bytes are EXPECTED's.
same() { if cmp -s -- "$2" "$3"; then pass; else fail "$1: differs from $3:" "$2"; fi; }
count() {
  local n
  n=$(grep -cE -- "$3" "$2")
  if [[ $n == "$4" ]]; then pass; else fail "$1: $n lines match /$3/, wanted $4" "$2"; fi
}

finish() {
  echo "$passed passed, $failed failed"
  [[ $failed == 0 ]]
}
