/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The text form of mybridge rules, as `swctl flow add` takes them and
 * `swctl flows` prints them (Open vSwitch's ovs-ofctl syntax, a subset):
 *
 *   priority=100,in_port=veth0,tcp,nw_dst=10.0.0.0/24,tp_dst=80
 *   actions=output:veth1,mirror:veth3
 */
#ifndef RZ_TOOLS_SWCTL_FLOW_TEXT_H
#define RZ_TOOLS_SWCTL_FLOW_TEXT_H

#include <libmnl/libmnl.h>

/*
 * Parse match @text (comma separated; "priority=N" sets *@prio) into a
 * MYBRIDGE_FLOW_MATCH nest of @nlh.  -1 after printing what is wrong.
 */
int swctl_match_parse(struct nlmsghdr *nlh, char *text, int *prio);

/* Parse actions @text into a MYBRIDGE_FLOW_ACTIONS nest of @nlh. */
int swctl_actions_parse(struct nlmsghdr *nlh, char *text);

/* Print the MYBRIDGE_FLOW_MATCH / _ACTIONS nest in the text form. */
void swctl_match_print(FILE *f, const struct nlattr *nest);
void swctl_actions_print(FILE *f, const struct nlattr *nest);

#endif /* RZ_TOOLS_SWCTL_FLOW_TEXT_H */
