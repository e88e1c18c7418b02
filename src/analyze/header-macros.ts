/**
 * Names musl's headers define as macros over an exported function: the
 * source says `errno`, the object imports `__errno_location`. Read off
 * /usr/include/x86_64-linux-musl (musl 1.2.3); macros that expand to inline
 * functions or builtins (isspace, va_arg) import nothing and are left out.
 * A macro may reach several functions (fpclassify picks one by type): all count.
 */
export const headerMacros: ReadonlyMap<string, string[]> = new Map([
  ["CPU_COUNT", ["__sched_cpucount"]], // sched.h, through CPU_COUNT_S
  ["CPU_COUNT_S", ["__sched_cpucount"]], // sched.h
  ["FLT_ROUNDS", ["__flt_rounds"]], // float.h
  ["fpclassify", ["__fpclassify", "__fpclassifyf", "__fpclassifyl"]], // math.h, by argument type
  ["isfinite", ["__fpclassifyl"]], // math.h: float and double inline, long double calls
  ["isinf", ["__fpclassifyl"]],
  ["isnan", ["__fpclassifyl"]],
  ["isnormal", ["__fpclassifyl"]],
  ["MB_CUR_MAX", ["__ctype_get_mb_cur_max"]], // stdlib.h
  ["SIGRTMAX", ["__libc_current_sigrtmax"]], // signal.h
  ["SIGRTMIN", ["__libc_current_sigrtmin"]], // signal.h
  ["_res", ["__res_state"]], // resolv.h
  ["assert", ["__assert_fail"]], // assert.h (without NDEBUG)
  ["errno", ["__errno_location"]], // errno.h
  ["pthread_cleanup_pop", ["_pthread_cleanup_pop"]], // pthread.h
  ["pthread_cleanup_push", ["_pthread_cleanup_push"]], // pthread.h
]);
