# `nm -n --defined-only` of the first link -> assembly for .ksyms: sorted
# {address, name} pairs for function symbols, names in .ksyms.str.
$2 ~ /^[tTwW]$/ && $3 !~ /^\./ {
  printf "\t.section .ksyms, \"a\"\n\t.p2align 3\n\t.quad 0x%s, .Lksym%d\n", $1, n
  printf "\t.section .ksyms.str, \"a\"\n.Lksym%d:\t.asciz \"%s\"\n", n, $3
  n++
}
END {
  if (n == 0) print "\t.section .ksyms, \"a\""
  print "\t.section .note.GNU-stack, \"\", @progbits"
}
