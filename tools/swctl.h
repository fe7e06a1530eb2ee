/* SPDX-License-Identifier: GPL-2.0 */
#ifndef RZ_TOOLS_SWCTL_H
#define RZ_TOOLS_SWCTL_H

#include <stdbool.h>

/* -j: JSON output. */
extern bool json;

int cmd_vxlan(int argc, char **argv);

#endif /* RZ_TOOLS_SWCTL_H */
