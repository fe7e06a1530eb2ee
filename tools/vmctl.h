/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vmctl's commands and shared helpers.
 */
#ifndef RZ_TOOLS_VMCTL_H
#define RZ_TOOLS_VMCTL_H

#include <stdarg.h>
#include <stdbool.h>

/* Open /dev/myvmx; prints why and returns -1 on failure. */
int vmctl_open_dev(void);
/* Print "vmctl: WHAT: strerror(errno)" and return 1. */
int vmctl_fail(const char *what);

int vmctl_run(int argc, char **argv);
int vmctl_list(bool json);
int vmctl_stats(const char *vm, bool json);

#endif /* RZ_TOOLS_VMCTL_H */
