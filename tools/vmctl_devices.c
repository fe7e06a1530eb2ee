// SPDX-License-Identifier: GPL-2.0
/*
 * The virtio devices of a Linux guest (vmctl start/run):
 *
 *   --disk FILE[,ro]           a virtio-blk disk over FILE (a regular file
 *                              or a block device); the first is /dev/vda
 *   --net BRIDGE[,mac=MAC][,name=IFNAME]
 *                              a virtio-net NIC whose host side, the netdev
 *                              vm<ID>n<N> (or IFNAME), is enslaved to BRIDGE
 *                              (any bridge: mybridge, Linux's) and set up
 *
 * Disks come first, then NICs, each in the order given.  Each device gets
 * 512 bytes of registers at the next 4 KiB of the device window (above
 * RAM) and the next free PIC line, and the guest's command line names it
 * with virtio_mmio.device=512@BASE:IRQ.
 */
#include <errno.h>
#include <fcntl.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/rtnetlink.h>

#include "cli.h"
#include "genl.h"
#include "vmctl.h"

/* The PIC lines the platform leaves free, in the order they are given. */
static const uint8_t vmctl_irqs[VMCTL_MAX_DEVICES] = {
	5, 6, 7, 9, 10, 11, 14, 15
};

static struct vmctl_device *vmctl_device_new(struct vmctl_devices *ds,
					     uint32_t type, const char *arg)
{
	struct vmctl_device *d;

	if (ds->n == VMCTL_MAX_DEVICES) {
		fprintf(stderr, "vmctl: at most %d disks and NICs\n",
			VMCTL_MAX_DEVICES);
		return NULL;
	}
	d = &ds->d[ds->n++];
	memset(d, 0, sizeof(*d));
	d->type = type;
	d->spec = strdup(arg) ?: arg;	/* whole, for messages */
	return d;
}

/* FILE[,ro] */
int vmctl_parse_disk(struct vmctl_devices *ds, char *arg)
{
	struct vmctl_device *d = vmctl_device_new(ds, MYVMX_DEVICE_VIRTIO_BLK,
						  arg);
	char *opt;

	if (!d)
		return -1;
	opt = strrchr(arg, ',');
	if (opt && !strcmp(opt, ",ro")) {
		*opt = '\0';
		d->read_only = true;
	}
	d->path = arg;
	if (!*arg) {
		fprintf(stderr, "vmctl: --disk FILE[,ro]\n");
		return -1;
	}
	return 0;
}

/* A netdev name the kernel takes (dev_valid_name()). */
static bool vmctl_valid_ifname(const char *name)
{
	return *name && strlen(name) < IF_NAMESIZE && strcmp(name, ".") &&
	       strcmp(name, "..") && !strpbrk(name, "/: \t\n");
}

/* mac=MAC into @d; -1 after saying why. */
static int vmctl_parse_mac_opt(struct vmctl_device *d, const char *text)
{
	uint8_t mac[6];
	int i;

	if (rz_parse_mac(text, mac) || (mac[0] & 1) ||
	    !memcmp(mac, "\0\0\0\0\0\0", 6)) {
		fprintf(stderr,
			"vmctl: --net ...,mac=MAC: a unicast MAC such as 52:54:00:12:34:56\n");
		return -1;
	}
	for (i = 0; i < 6; i++)
		d->mac = d->mac << 8 | mac[i];
	return 0;
}

/* BRIDGE[,mac=MAC][,name=IFNAME] */
int vmctl_parse_net(struct vmctl_devices *ds, char *arg)
{
	struct vmctl_device *d = vmctl_device_new(ds, MYVMX_DEVICE_VIRTIO_NET,
						  arg);
	char *opt, *next;

	if (!d)
		return -1;
	for (opt = strchr(arg, ','); opt; opt = next) {
		*opt++ = '\0';
		next = strchr(opt, ',');
		if (next)
			*next = '\0';
		if (!strncmp(opt, "mac=", 4)) {
			if (vmctl_parse_mac_opt(d, opt + 4))
				return -1;
		} else if (!strncmp(opt, "name=", 5) &&
			   vmctl_valid_ifname(opt + 5)) {
			d->name = opt + 5;
		} else {
			fprintf(stderr,
				"vmctl: --net BRIDGE[,mac=MAC][,name=IFNAME]: bad '%s'\n",
				opt);
			return -1;
		}
	}
	d->path = arg;
	if (!vmctl_valid_ifname(arg)) {
		fprintf(stderr, "vmctl: --net BRIDGE[,mac=MAC][,name=IFNAME]\n");
		return -1;
	}
	return 0;
}

/* Where the devices' registers go: above RAM, below 4 GiB if it fits. */
static uint64_t vmctl_device_window(uint64_t mem_size)
{
	return mem_size <= VMCTL_DEVICE_BASE ? VMCTL_DEVICE_BASE : 1ULL << 32;
}

/* The devices in creation order: disks, then NICs. */
static void vmctl_devices_order(const struct vmctl_devices *ds,
				const struct vmctl_device **order)
{
	unsigned int i, n = 0;

	for (i = 0; i < ds->n; i++)
		if (ds->d[i].type == MYVMX_DEVICE_VIRTIO_BLK)
			order[n++] = &ds->d[i];
	for (i = 0; i < ds->n; i++)
		if (ds->d[i].type == MYVMX_DEVICE_VIRTIO_NET)
			order[n++] = &ds->d[i];
}

/* Append the devices' virtio_mmio.device= to @cmdline (@size bytes). */
int vmctl_devices_cmdline(const struct vmctl_devices *ds, uint64_t mem_size,
			  char *cmdline, size_t size)
{
	uint64_t base = vmctl_device_window(mem_size);
	size_t len = strlen(cmdline);
	unsigned int i;
	int n;

	for (i = 0; i < ds->n; i++) {
		n = snprintf(cmdline + len, size - len,
			     " virtio_mmio.device=512@0x%llx:%u",
			     (unsigned long long)base + i * 4096,
			     vmctl_irqs[i]);
		if (n < 0 || (size_t)n >= size - len) {
			fprintf(stderr, "vmctl: the command line is too long\n");
			return -1;
		}
		len += n;
	}
	return 0;
}

/* @port into @bridge, renamed to @name if not NULL, and up. */
static int vmctl_enslave(const char *port, const char *bridge,
			 const char *name)
{
	char buf[MNL_SOCKET_BUFFER_SIZE];
	unsigned int br = if_nametoindex(bridge);
	unsigned int ifindex = if_nametoindex(port);
	struct ifinfomsg *ifi;
	struct nlmsghdr *nlh;
	struct rz_genl rt;
	int ret;

	if (!br || !ifindex) {
		fprintf(stderr, "vmctl: --net %s: no such bridge\n", bridge);
		return -1;
	}
	if (rz_rtnl_open(&rt) < 0)
		return -1;
	nlh = rz_rtnl_request(&rt, buf, RTM_NEWLINK, 0);
	ifi = mnl_nlmsg_put_extra_header(nlh, sizeof(*ifi));
	ifi->ifi_family = AF_UNSPEC;
	ifi->ifi_index = (int)ifindex;
	ifi->ifi_flags = IFF_UP;
	ifi->ifi_change = IFF_UP;
	mnl_attr_put_u32(nlh, IFLA_MASTER, br);
	if (name)
		mnl_attr_put_strz(nlh, IFLA_IFNAME, name);
	ret = rz_genl_talk(&rt, nlh, NULL, NULL);
	if (ret < 0)
		fprintf(stderr, "vmctl: %s%s%s into %s, up: failed\n", port,
			name ? " renamed " : "", name ? name : "", bridge);
	rz_genl_close(&rt);
	return ret;
}

static int vmctl_device_create(int vm, const struct vmctl_device *d,
			       uint64_t base, unsigned int irq)
{
	struct myvmx_create_device req = {
		.type = d->type, .args = { base, irq },
	};
	char name[IF_NAMESIZE + 1];
	int fd = -1, dev;
	ssize_t n;

	if (d->type == MYVMX_DEVICE_VIRTIO_BLK) {
		fd = open(d->path, d->read_only ? O_RDONLY : O_RDWR);
		if (fd < 0) {
			fprintf(stderr, "vmctl: --disk %s: %s\n", d->path,
				strerror(errno));
			return -1;
		}
		req.args[2] = fd;
		req.args[3] = d->read_only ? MYVMX_VIRTIO_BLK_RO : 0;
	} else {
		req.args[2] = d->mac;
	}
	dev = ioctl(vm, MYVMX_CREATE_DEVICE, &req);
	if (dev < 0) {
		fprintf(stderr, "vmctl: %s %s: %s\n",
			fd >= 0 ? "--disk" : "--net", fd >= 0 ? d->path : d->spec,
			strerror(errno));
		if (fd >= 0)
			close(fd);
		return -1;
	}
	if (fd >= 0) {
		close(fd);		/* the kernel holds the file */
		close(dev);
		return 0;
	}
	n = read(dev, name, sizeof(name) - 1);
	close(dev);
	if (n <= 1) {
		vmctl_fail("reading the NIC's name");
		return -1;
	}
	name[n - 1] = '\0';		/* the newline */
	return vmctl_enslave(name, d->path, d->name);
}

/* Every device into VM @vm, which has its memory and platform. */
int vmctl_devices_create(const struct vmctl_devices *ds, int vm,
			 uint64_t mem_size)
{
	const struct vmctl_device *order[VMCTL_MAX_DEVICES];
	uint64_t base = vmctl_device_window(mem_size);
	unsigned int i;

	vmctl_devices_order(ds, order);
	for (i = 0; i < ds->n; i++)
		if (vmctl_device_create(vm, order[i], base + i * 4096,
					vmctl_irqs[i]) < 0)
			return -1;
	return 0;
}
