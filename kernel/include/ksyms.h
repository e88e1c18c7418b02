/* Function symbols built into the image (second link pass, section .ksyms). */
#pragma once
/* Name of the function containing addr and the offset into it; NULL if unknown. */
const char *ksym_lookup(unsigned long addr, unsigned long *offset);
