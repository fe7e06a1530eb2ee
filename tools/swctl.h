/* SPDX-License-Identifier: GPL-2.0 */
#ifndef RZ_TOOLS_SWCTL_H
#define RZ_TOOLS_SWCTL_H

#include <stdbool.h>

/* -j: JSON output. */
extern bool json;

#include <stdint.h>
#include <libmnl/libmnl.h>

/* What a dump callback gets: how many replies it printed so far. */
struct dump_state {
	int count;
};

int cmd_vxlan(int argc, char **argv);
int cmd_bridge_show(int argc, char **argv);
int cmd_bridge_fdb(int argc, char **argv);
int cmd_bridge_flush(int argc, char **argv);
int cmd_bridge_port(int argc, char **argv);
int cmd_bridge_mirror(int argc, char **argv);
int cmd_bridge_police(int argc, char **argv);
int cmd_bridge_flow(int argc, char **argv);
int cmd_bridge_flows(int argc, char **argv);
int cmd_bridge_monitor(int argc, char **argv);
int cmd_bridge_export(int argc, char **argv);
int cmd_bridge_save(int argc, char **argv);
int cmd_bridge_restore(int argc, char **argv);

/* The ifindex of @name, or 0 after printing that there is none. */
int swctl_ifindex(const char *name);

/* Print " KEY VALUE", or ,"KEY":VALUE in JSON. */
void swctl_print_u(const char *key, unsigned long long v);

/*
 * Print nest @nest of u64 counters, attribute type T named names[T -
 * @offset], under @key (an object in JSON).
 */
void swctl_print_counters(const char *key, const struct nlattr *nest,
			  const char *const *names, int max, int offset);

/*
 * Dump @cmd of @family with @cb, for device @dev alone (u32 attribute
 * @attr) when @dev is given; JSON output is wrapped in [ ].  @kind names
 * the device type in the error printed when @dev gets no reply and @cmd
 * is the device dump @dev_cmd.  Returns the exit status.
 */
int swctl_dump(const char *family, uint8_t cmd, uint16_t attr,
	       const char *dev, mnl_cb_t cb, uint8_t dev_cmd,
	       const char *kind);

/* The name of @ifindex (or the number) into @buf (IF_NAMESIZE bytes). */
const char *swctl_ifname(unsigned int ifindex, char *buf);

/* @mac as xx:xx:xx:xx:xx:xx into @buf (18 bytes). */
const char *swctl_mac_str(const unsigned char *mac, char *buf);

#endif /* RZ_TOOLS_SWCTL_H */
