/* Private to the time module. */
#pragma once
#include <stdint.h>
#include <linux/time.h>
/* ns for a clock id, or -EINVAL. */
long time_clock_ns(int clock, uint64_t *ns);
