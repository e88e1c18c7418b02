#!/usr/bin/env bash
# autoport's compiler wrapper, installed as cc, gcc and musl-gcc first on PATH.
#
# Compiles against musl (musl-gcc's specs), non-PIE, and links natively with
# musl statically, so configure tests and native runs of the program work
# (musl targets the same Linux ABI the unikernel offers). Every compile and
# every link of a real program is appended to $AUTOPORT_BUILD_LOG as one JSON
# line, so autoport can link the same objects again with the kernel.
#
# Environment: AUTOPORT_REAL_CC (the real gcc), AUTOPORT_MUSL_SPECS,
# AUTOPORT_BUILD_LOG (JSON lines), AUTOPORT_OBJ_DIR (objects of sources that a
# link command compiles itself).
set -u
real=${AUTOPORT_REAL_CC:-/usr/bin/gcc}
specs=${AUTOPORT_MUSL_SPECS:-/usr/lib/x86_64-linux-musl/musl-gcc.specs}
log=${AUTOPORT_BUILD_LOG:-}
objdir=${AUTOPORT_OBJ_DIR:-}

json() {
  local s=$1
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\t'/\\t}; s=${s//$'\n'/\\n}; s=${s//$'\r'/\\r}
  printf '"%s"' "$s"
}
json_list() {
  local first=1 x
  printf '['
  for x in "$@"; do
    [ $first = 1 ] || printf ','
    first=0
    json "$x"
  done
  printf ']'
}
abs() { case $1 in /*) printf '%s' "$1" ;; *) printf '%s/%s' "$PWD" "$1" ;; esac; }
record() { [ -n "$log" ] && printf '%s\n' "$1" >>"$log"; return 0; }

mode=link    # link, compile (-c), asm (-S), pre (-E or -M)
out=""
shared=0
inputs=()    # every input file, in order, as written
sources=()   # the inputs that are sources (by name, or under -x LANG)
keep=()      # the arguments minus -o and the PIE flags we replace
role=()      # per element of keep: "src" source input, "in" other input, "-" not an input
nolink=()    # keep minus inputs and linker-only flags: to compile a source alone
libs=()      # -l names, in order
libdirs=()   # -L dirs, absolute
xlang=""     # a -x language in effect makes every input a source

is_source() {
  [ -n "$xlang" ] && [ "$xlang" != none ] && return 0
  case $1 in *.c|*.i|*.s|*.S|*.sx|*.cc|*.cpp|*.cxx|*.C|-) return 0 ;; esac
  return 1
}

args=("$@")
n=${#args[@]}
i=0
while [ $i -lt $n ]; do
  a=${args[$i]}
  next=""
  [ $((i + 1)) -lt $n ] && next=${args[$((i + 1))]}
  case $a in
    -c) mode=compile; keep+=("$a"); nolink+=("$a") ;;
    -S) [ $mode = link ] && mode=asm; keep+=("$a"); nolink+=("$a") ;;
    -E|-M|-MM) mode=pre; keep+=("$a"); nolink+=("$a") ;;
    -o) out=$next; i=$((i + 1)) ;;
    -o*) out=${a#-o} ;;
    -pie|-static-pie|-fpie|-fPIE|-no-pie|-static) ;;
    -shared) shared=1; keep+=("$a") ;;
    -l) libs+=("$next"); keep+=("$a" "$next"); i=$((i + 1)) ;;
    -l*) libs+=("${a#-l}"); keep+=("$a") ;;
    -L) libdirs+=("$(abs "$next")"); keep+=("$a" "$next"); i=$((i + 1)) ;;
    -L*) libdirs+=("$(abs "${a#-L}")"); keep+=("$a") ;;
    -x) xlang=$next; keep+=("$a" "$next"); nolink+=("$a" "$next"); i=$((i + 1)) ;;
    -Wl,*|-rdynamic|-s) keep+=("$a") ;;
    -Xlinker|-T|-u|-z) keep+=("$a" "$next"); i=$((i + 1)) ;;
    -I|-D|-U|-include|-imacros|-isystem|-idirafter|-iquote|-iprefix|-MF|-MT|-MQ|-Xassembler|-Xpreprocessor|-aux-info|--param|-specs)
      keep+=("$a" "$next"); nolink+=("$a" "$next"); i=$((i + 1)) ;;
    -*) keep+=("$a"); nolink+=("$a") ;;
    *)
      inputs+=("$a")
      if is_source "$a"; then sources+=("$a"); role[${#keep[@]}]=src; else role[${#keep[@]}]=in; fi
      keep+=("$a") ;;
  esac
  i=$((i + 1))
done

# Nothing to compile or link (--version, -print-*, -dumpmachine): ask the real compiler.
if [ ${#inputs[@]} -eq 0 ]; then
  exec "$real" "$@" -specs "$specs"
fi

outargs=()
[ -n "$out" ] && outargs=(-o "$out")

if [ $mode != link ]; then
  "$real" "${keep[@]}" "${outargs[@]}" -specs "$specs" -fno-pie
  status=$?
  if [ $status -eq 0 ] && [ $mode = compile ]; then
    for s in "${sources[@]}"; do
      [ "$s" = - ] && continue
      if [ -n "$out" ]; then o=$out; else b=${s##*/}; o=${b%.*}.o; fi
      record "{\"kind\":\"compile\",\"cwd\":$(json "$PWD"),\"source\":$(json "$(abs "$s")"),\"object\":$(json "$(abs "$o")")}"
    done
  fi
  exit $status
fi

# A link. configure's probes (conftest) are linked as they are and not recorded.
case ${out##*/} in conftest|conftest.*|a.out) probe=1 ;; *) probe=0 ;; esac
[ -z "$out" ] && probe=1

# Sources named on a link line are compiled alone first, so their objects can
# be linked again with the kernel.
linkargs=()
objects=()
if [ $probe = 0 ] && [ -n "$objdir" ]; then
  mkdir -p "$objdir"
  k=0
  for j in "${!keep[@]}"; do
    a=${keep[$j]}
    r=${role[$j]:--}
    if [ "$r" = src ] && [ "$a" != - ]; then
      b=${a##*/}
      k=$((k + 1))
      o="$objdir/$$-$k-${b%.*}.o"
      "$real" "${nolink[@]}" -c "$a" -o "$o" -specs "$specs" -fno-pie || exit $?
      record "{\"kind\":\"compile\",\"cwd\":$(json "$PWD"),\"source\":$(json "$(abs "$a")"),\"object\":$(json "$o")}"
      linkargs+=("$o")
      objects+=("$o")
    else
      linkargs+=("$a")
      [ "$r" = in ] && objects+=("$(abs "$a")")
    fi
  done
else
  linkargs=("${keep[@]}")
  for a in "${inputs[@]}"; do objects+=("$(abs "$a")"); done
fi

if [ $shared = 1 ]; then
  "$real" "${linkargs[@]}" "${outargs[@]}" -specs "$specs"
else
  "$real" "${linkargs[@]}" "${outargs[@]}" -specs "$specs" -static -no-pie
fi
status=$?
if [ $status -eq 0 ] && [ $probe = 0 ]; then
  kind=program
  [ $shared = 1 ] && kind=shared
  record "{\"kind\":\"link\",\"type\":\"$kind\",\"cwd\":$(json "$PWD"),\"output\":$(json "$(abs "$out")"),\"inputs\":$(json_list "${objects[@]}"),\"libs\":$(json_list "${libs[@]}"),\"libdirs\":$(json_list "${libdirs[@]}")}"
fi
exit $status
