/* SPDX-License-Identifier: (GPL-2.0 WITH Linux-syscall-note) OR MIT */
/*
 * myvmx: the ringzero VMM's interfaces, the same on both of its hardware
 * backends (Intel VT-x, AMD-V).
 *
 * Character device /dev/myvmx (mode 0600, root only)
 * --------------------------------------------------
 * All ioctls use the magic MYVMX_IOC_MAGIC; an unknown ioctl fails with
 * ENOTTY, a reserved field or flag that is not zero with EINVAL.  There are
 * three kinds of file descriptor:
 *
 * The device fd (open("/dev/myvmx")):
 *   MYVMX_GET_API_VERSION   _IO, no argument.  Returns MYVMX_API_VERSION.
 *                           A program checks it before any other ioctl.
 *   MYVMX_CREATE_VM         _IOW, struct myvmx_vm_create (a name).  Returns
 *                           a new VM fd.  The first VM turns the CPUs'
 *                           virtualization on (VMX operation on VT-x,
 *                           EFER.SVME on AMD-V) on every online CPU; the
 *                           last one to go turns it off.  EBUSY when
 *                           another hypervisor (kvm_intel, kvm_amd) holds
 *                           it.
 *   MYVMX_OPEN_DEVICE       _IOW, struct myvmx_open_device: a new fd for
 *                           the in-kernel device of @type of the VM with id
 *                           @vm_id (ENOENT: no such VM; ENODEV: it has no
 *                           such device).  vmctl console uses it to reach
 *                           the console of a VM it did not create.
 *
 * The VM fd (the VM lives while it or one of its vCPU fds is open):
 *   MYVMX_SET_MEMORY        _IOW, struct myvmx_memory_region.  Maps
 *                           @size bytes of this process's memory at
 *                           @userspace_addr into the guest at @guest_phys
 *                           (both page aligned, size at most 4 GiB, at most
 *                           MYVMX_MAX_REGIONS regions, no overlap in either
 *                           space: EEXIST).  The pages are pinned until the
 *                           VM is destroyed.  Guest-physical addresses
 *                           outside every region are MMIO.
 *   MYVMX_CREATE_VCPU       _IO, the vCPU index (0..MYVMX_MAX_VCPUS-1, each
 *                           once: EEXIST).  Returns a vCPU fd.  The vCPU
 *                           starts in the x86 reset state (real mode,
 *                           CS:IP = f000:fff0); set its registers before
 *                           running it.
 *   MYVMX_CREATE_DEVICE     _IOW, struct myvmx_create_device.  Adds an
 *                           in-kernel device to the VM (myvdev.ko provides
 *                           them; ENODEV when no module registered @type).
 *                           Returns a device fd.  Its exits (port I/O,
 *                           MMIO, interrupts) are served in the kernel and
 *                           never reach user space.  Devices come before
 *                           MYVMX_START (EBUSY after) and after the memory:
 *                           a device range in RAM is refused (EEXIST).
 *                           The platform once per VM (EEXIST), virtio
 *                           devices as many as fit.  Types:
 *     MYVMX_DEVICE_PLATFORM the PC platform: a pair of 8259A PICs (0x20,
 *                           0xa0, ELCR 0x4d0), the 8254 PIT (0x40-0x43, and
 *                           port 0x61), a 16550A UART at 0x3f8 on IRQ 4, a
 *                           CMOS RTC (0x70-0x71) and an i8042 (0x60, 0x64)
 *                           with its reset line and a PS/2 keyboard on
 *                           IRQ 1, which only MYVMX_CMD_SHUTDOWN types on
 *                           (Ctrl-Alt-Del).  The PICs' interrupts go to vCPU
 *                           0, which then waits in the kernel on HLT with
 *                           interrupts enabled.  read() on the device fd
 *                           returns what the guest wrote to the UART (a 64
 *                           KiB ring; the oldest bytes go first when it is
 *                           full; blocks unless O_NONBLOCK; poll works);
 *                           write() is the UART's input.  A reset through
 *                           the i8042 stops every vCPU with
 *                           MYVMX_EXIT_RESET.  @args must be zero.
 *                           Once a started VM (MYVMX_START) has stopped,
 *                           read() returns 0 when it has nothing left.
 *     MYVMX_DEVICE_VIRTIO_BLK a virtio-mmio (version 2) block device.
 *                           @args[0]: the guest-physical base of its 512
 *                           register bytes, 4 KiB aligned, outside RAM;
 *                           @args[1]: its interrupt, a line of the
 *                           platform's PICs (which must exist: ENODEV) that
 *                           no other device uses (EBUSY; the platform has
 *                           0, 1, 2, 4, 8 and 12); @args[2]: an fd of a
 *                           regular file or block device open for reading,
 *                           the disk (EBADF; EINVAL if O_APPEND), whose size
 *                           in 512-byte sectors is the capacity;
 *                           @args[3]: bit 0 read-only, as is a disk not
 *                           open for writing.  Reads, writes and flushes
 *                           are done in the kernel, on the exit that
 *                           notified the queue.  Linux finds the device with
 *                           virtio_mmio.device=512@BASE:IRQ.
 *     MYVMX_DEVICE_VIRTIO_NET a virtio-mmio (version 2) network device:
 *                           @args[0] and @args[1] as for the block device;
 *                           @args[2]: the guest's MAC address, its first
 *                           byte in bits 47-40 (0: a random one; EINVAL if
 *                           multicast); @args[3]: 0.  Its host side is a
 *                           netdev named vm<ID>n<N> (ID: the VM's, N: the
 *                           lowest free) in the caller's network
 *                           namespace, which can be enslaved to any bridge:
 *                           what the guest sends, the netdev receives, and
 *                           what is sent on the netdev, the guest receives.
 *                           The guest's link is up while the netdev is.
 *                           read() on the device fd gives the netdev's
 *                           current name and a newline.
 *   MYVMX_START             _IO, no argument.  Returns the VM's id (as the
 *                           genl family names it).  The kernel runs the VM from
 *                           now on, one kernel thread per vCPU, from the
 *                           vCPUs' current state; the VM no longer needs
 *                           its fds (close them all: it lives on) and
 *                           stops by itself on an exit no in-kernel part
 *                           serves: HLT with interrupts disabled (a PC's
 *                           power-off), a triple fault, a reset, a failed
 *                           entry, an internal error; or when stopped
 *                           (MYVMX_CMD_STOP).  Port I/O and MMIO no device
 *                           claims read all-ones and drop writes.  RUN on
 *                           its vCPU fds fails with EBUSY from then on.
 *                           EINVAL without vCPUs, EBUSY when already
 *                           started or while a vCPU is in RUN.
 *
 * The vCPU fd (one thread runs it at a time; others get EBUSY):
 *   mmap(0, MYVMX_RUN_SIZE, PROT_READ|PROT_WRITE, MAP_SHARED, vcpu_fd, 0)
 *                           maps the struct myvmx_run of the vCPU.
 *   MYVMX_GET_REGS / MYVMX_SET_REGS      struct myvmx_regs (RAX..R15,
 *                           RIP, RFLAGS).  SET checks RFLAGS bit 1 is set
 *                           and the reserved bits are clear.
 *   MYVMX_GET_SREGS / MYVMX_SET_SREGS    struct myvmx_sregs: segments,
 *                           descriptor tables, CR0, CR2, CR3, CR4, EFER.
 *                           SET refuses CR0/CR4/EFER values the guest could
 *                           not load itself (EINVAL).
 *   MYVMX_INJECT            _IOW, struct myvmx_event: an external
 *                           interrupt (delivered when the guest can take
 *                           it) or an exception with an optional error
 *                           code (delivered at the next entry).
 *   MYVMX_RUN               _IO, no argument.  Runs the guest until an exit
 *                           the kernel does not handle itself, described in
 *                           the run structure; returns 0.  Returns EINTR
 *                           (run->exit_reason = MYVMX_EXIT_INTR) when a
 *                           signal is pending.  Data for an I/O or MMIO
 *                           read is taken from the run structure when RUN
 *                           is called next.
 *
 * Exits (run->exit_reason):
 *   MYVMX_EXIT_IO        port I/O: io.port, io.size (1, 2, 4),
 *                        io.direction, io.count elements at data_offset
 *                        bytes into the run structure.  For IN the program
 *                        fills them before the next RUN.  OUTS moves one
 *                        element per exit; REP INS reads up to 1 KiB ahead
 *                        (not past rDI's page), as KVM does.
 *   MYVMX_EXIT_MMIO      an access outside guest RAM, decoded in the
 *                        kernel (MOV, MOVZX, MOVSX, MOVS, STOS): mmio.addr,
 *                        mmio.size (1, 2, 4, 8), mmio.is_write, mmio.data
 *                        (little endian).  For a read the program fills
 *                        mmio.data before the next RUN.
 *   MYVMX_EXIT_HLT       the guest executed HLT with interrupts disabled
 *                        or nothing to inject.
 *   MYVMX_EXIT_SHUTDOWN  triple fault.
 *   MYVMX_EXIT_FAIL_ENTRY  VM entry failed: fail_entry.hardware_reason (on
 *                        VT-x the basic exit reason, or the VM-instruction
 *                        error with MYVMX_FAIL_VMINSTR set; on AMD-V the
 *                        exit code, 0xffffffff: VMEXIT_INVALID).
 *   MYVMX_EXIT_INTERNAL_ERROR  the kernel could not handle an exit:
 *                        internal.suberror (MYVMX_INTERNAL_*),
 *                        internal.hw_reason, internal.qualification.
 *   MYVMX_EXIT_INTR      RUN returned EINTR.
 *   MYVMX_EXIT_RESET     the guest reset the machine (i8042 command 0xfe or
 *                        its output port's reset bit): every vCPU of the VM
 *                        stops with this exit, at every RUN from then on.
 *   MYVMX_EXIT_STOPPED   the VM was stopped (MYVMX_CMD_STOP); likewise for
 *                        every vCPU and every RUN after.
 *
 * Generic netlink family "myvmx" (MYVMX_GENL_NAME, version
 * MYVMX_GENL_VERSION)
 * ----------------------------------------------------------------------
 *   MYVMX_CMD_GET_VERSION   do; no attributes.  Reply: MYVMX_ATTR_VERSION
 *                           (NLA_NUL_STRING, RINGZERO_VERSION of the module)
 *                           and MYVMX_ATTR_API_VERSION (NLA_U32,
 *                           MYVMX_API_VERSION).  Unprivileged.
 *   MYVMX_CMD_GET_VM        dump: one message per VM; do: the VM named by
 *                           MYVMX_ATTR_VM_ID (ENOENT if none).  Each carries
 *                           MYVMX_ATTR_VM_ID (NLA_U32), MYVMX_ATTR_VM_NAME
 *                           (NLA_NUL_STRING), MYVMX_ATTR_VM_OWNER (NLA_U32,
 *                           the creating process's pid), MYVMX_ATTR_VM_VCPUS
 *                           (NLA_U32), MYVMX_ATTR_VM_MEMORY (NLA_U64, bytes
 *                           of guest RAM), MYVMX_ATTR_VM_RUNNING (NLA_U32,
 *                           vCPUs inside RUN now).  CAP_NET_ADMIN.
 *   MYVMX_CMD_GET_STATS     do; MYVMX_ATTR_VM_ID required.  Reply: the VM's
 *                           attributes as above, then per vCPU a nested
 *                           MYVMX_ATTR_VCPU with MYVMX_VCPU_INDEX (NLA_U32),
 *                           MYVMX_VCPU_EXITS (NLA_U64, all exits),
 *                           MYVMX_VCPU_PREEMPTIONS (NLA_U64, times the
 *                           thread holding it (in RUN, GET_SREGS or
 *                           SET_SREGS) was switched out while runnable),
 *                           MYVMX_VCPU_MIGRATIONS (NLA_U64, times its state
 *                           was loaded on another CPU than before) and one
 *                           nested MYVMX_VCPU_EXIT per kind of exit seen:
 *                           MYVMX_EXIT_STAT_REASON (NLA_U32, an enum
 *                           myvmx_exit_kind), MYVMX_EXIT_STAT_NAME
 *                           (NLA_NUL_STRING, its name: "io", "mmio", "hlt",
 *                           "cpuid", ...; see the enum), MYVMX_EXIT_STAT_COUNT
 *                           (NLA_U64).  Then per in-kernel device a nested
 *                           MYVMX_ATTR_DEVICE: MYVMX_DEVICE_ATTR_TYPE
 *                           (NLA_U32, enum myvmx_device_type),
 *                           MYVMX_DEVICE_ATTR_NAME (NLA_NUL_STRING: "platform",
 *                           "virtio-blk@0xBASE", a NIC's netdev name) and
 *                           its counters, each a nested
 *                           MYVMX_DEVICE_ATTR_COUNTER with MYVMX_COUNTER_NAME
 *                           (NLA_NUL_STRING) and MYVMX_COUNTER_VALUE
 *                           (NLA_U64): the exits it served ("io_exits",
 *                           "mmio_exits"), the interrupts it raised or the
 *                           platform delivered ("interrupts"), a disk's
 *                           "reads", "writes", "flushes", "errors",
 *                           "read_bytes", "written_bytes", a NIC's
 *                           "tx_packets", "tx_bytes", "tx_dropped" (what the
 *                           guest sent) and "rx_packets", "rx_bytes",
 *                           "rx_dropped" (what it was sent).  CAP_NET_ADMIN.
 *   MYVMX_CMD_STOP          do; MYVMX_ATTR_VM_ID.  Stops every vCPU of the
 *                           VM (MYVMX_EXIT_STOPPED), started or not.
 *                           EALREADY when it has stopped.  CAP_NET_ADMIN.
 *   MYVMX_CMD_PAUSE, MYVMX_CMD_RESUME   do; MYVMX_ATTR_VM_ID.  A started VM's
 *                           vCPUs leave the guest and wait, or go on.
 *                           EINVAL for a VM that was not started, or has
 *                           stopped; EALREADY when it is already paused
 *                           (running).  CAP_NET_ADMIN.
 *   MYVMX_CMD_SHUTDOWN      do; MYVMX_ATTR_VM_ID.  Asks the guest to shut
 *                           down: the platform device types Ctrl-Alt-Del
 *                           on its i8042 keyboard, and the guest stops the
 *                           VM itself once done (a power-off: "hlt", or a
 *                           reboot: "reset").  Returns at once; the caller
 *                           waits for the VM to stop and may STOP it.
 *                           EALREADY when it has stopped, EOPNOTSUPP
 *                           without a platform device, ENODEV when no
 *                           driver in the guest listens to the keyboard
 *                           (it never set the i8042's command byte, or
 *                           disabled the keyboard), EBUSY when the
 *                           keyboard's buffer is full.  CAP_NET_ADMIN.
 *
 * Every VM also carries MYVMX_ATTR_VM_STATE (NLA_U32, enum
 * myvmx_vm_state) and, once stopped, MYVMX_ATTR_VM_STOP_REASON (NLA_U32,
 * the enum myvmx_exit_reason that stopped it).
 *
 * Both backends count exits in that one vocabulary: an EPT violation
 * (VT-x) and a nested page fault (AMD-V) are both "mmio", VMX's
 * IO_INSTRUCTION and SVM's IOIO both "io".  MYVMX_ATTR_BACKEND
 * (NLA_NUL_STRING, "vmx" or "svm") says which one runs the VMs; it comes
 * with GET_VERSION and with every VM.
 *
 * Requests carrying unknown attributes are refused with EINVAL and an
 * extended ack message.
 */
#ifndef _UAPI_MYVMX_H
#define _UAPI_MYVMX_H

#include <linux/const.h>
#include <linux/ioctl.h>
#include <linux/types.h>
#include "ringzero.h"

#define MYVMX_GENL_NAME		"myvmx"
#define MYVMX_GENL_VERSION	3

/* Version of the /dev/myvmx ioctl API and of the genl family's content. */
#define MYVMX_API_VERSION	5

#define MYVMX_MAX_VCPUS		8
#define MYVMX_MAX_REGIONS	8
#define MYVMX_NAME_LEN		32
#define MYVMX_RUN_SIZE		4096

struct myvmx_vm_create {
	char	name[MYVMX_NAME_LEN];	/* NUL-terminated, may be empty */
	__u32	flags;			/* none defined: 0 */
	__u32	reserved;
};

struct myvmx_memory_region {
	__u64	guest_phys;
	__u64	size;
	__u64	userspace_addr;
	__u32	flags;			/* none defined: 0 */
	__u32	reserved;
};

struct myvmx_regs {
	__u64	rax, rbx, rcx, rdx, rsi, rdi, rsp, rbp;
	__u64	r8, r9, r10, r11, r12, r13, r14, r15;
	__u64	rip, rflags;
};

/* A segment register with its hidden part, in VMX terms. */
struct myvmx_segment {
	__u64	base;
	__u32	limit;
	__u16	selector;
	__u8	type;		/* 4 bits */
	__u8	s;		/* code/data (1) or system (0) */
	__u8	dpl;
	__u8	present;
	__u8	avl;
	__u8	l;		/* 64-bit code */
	__u8	db;
	__u8	g;
	__u8	unusable;
	__u8	pad;
};

struct myvmx_dtable {
	__u64	base;
	__u16	limit;
	__u16	pad[3];
};

struct myvmx_sregs {
	struct myvmx_segment	cs, ds, es, fs, gs, ss, tr, ldt;
	struct myvmx_dtable	gdt, idt;
	__u64	cr0, cr2, cr3, cr4, efer;
};

enum myvmx_event_type {
	MYVMX_EVENT_INTERRUPT	= 0,	/* external interrupt, vector 32..255 */
	MYVMX_EVENT_EXCEPTION	= 3,	/* vector 0..31 except 2 (NMI) */
};

struct myvmx_event {
	__u8	type;		/* enum myvmx_event_type */
	__u8	vector;
	__u8	has_error_code;
	__u8	pad;
	__u32	error_code;
};

enum myvmx_exit_reason {
	MYVMX_EXIT_NONE,
	MYVMX_EXIT_IO,
	MYVMX_EXIT_MMIO,
	MYVMX_EXIT_HLT,
	MYVMX_EXIT_SHUTDOWN,
	MYVMX_EXIT_FAIL_ENTRY,
	MYVMX_EXIT_INTERNAL_ERROR,
	MYVMX_EXIT_INTR,
	MYVMX_EXIT_RESET,
	MYVMX_EXIT_STOPPED,
};

enum myvmx_device_type {
	MYVMX_DEVICE_PLATFORM = 1,
	MYVMX_DEVICE_VIRTIO_BLK = 2,
	MYVMX_DEVICE_VIRTIO_NET = 3,
};

#define MYVMX_VIRTIO_BLK_RO	_BITULL(0)	/* virtio-blk @args[3] */

struct myvmx_create_device {
	__u32	type;			/* enum myvmx_device_type */
	__u32	flags;			/* none defined: 0 */
	__u64	args[4];		/* the type's; reserved: 0 */
};

struct myvmx_open_device {
	__u32	vm_id;
	__u32	type;			/* enum myvmx_device_type */
};

enum myvmx_vm_state {
	MYVMX_STATE_CREATED,		/* user space runs it, if anyone */
	MYVMX_STATE_RUNNING,		/* started: kernel threads run it */
	MYVMX_STATE_PAUSED,
	MYVMX_STATE_STOPPED,		/* for good; see the stop reason */
};

#define MYVMX_IO_IN		0
#define MYVMX_IO_OUT		1

#define MYVMX_FAIL_VMINSTR	0x100000000ULL

enum myvmx_internal_suberror {
	MYVMX_INTERNAL_UNHANDLED_EXIT = 1,	/* no handler for hw_reason */
	MYVMX_INTERNAL_EMULATION = 2,		/* instruction not decoded */
	MYVMX_INTERNAL_EPT_MISCONFIG = 3,
};

struct myvmx_run {
	__u32	exit_reason;		/* enum myvmx_exit_reason */
	__u32	pad;
	__u64	exits;			/* exits of this vCPU so far */
	union {
		struct {
			__u16	port;
			__u8	size;
			__u8	direction;
			__u32	count;
			__u32	data_offset;
		} io;
		struct {
			__u64	addr;
			__u8	data[8];
			__u32	size;
			__u8	is_write;
		} mmio;
		struct {
			__u64	hardware_reason;
		} fail_entry;
		struct {
			__u32	suberror;
			__u32	hw_reason;
			__u64	qualification;
		} internal;
		__u8	pad_union[64];
	};
	/* Followed by the I/O data area, at io.data_offset. */
};

#define MYVMX_IOC_MAGIC		0xB7
#define MYVMX_GET_API_VERSION	_IO(MYVMX_IOC_MAGIC, 0x00)
#define MYVMX_CREATE_VM		_IOW(MYVMX_IOC_MAGIC, 0x01, struct myvmx_vm_create)
#define MYVMX_OPEN_DEVICE	_IOW(MYVMX_IOC_MAGIC, 0x02, struct myvmx_open_device)
#define MYVMX_SET_MEMORY	_IOW(MYVMX_IOC_MAGIC, 0x10, struct myvmx_memory_region)
#define MYVMX_CREATE_VCPU	_IO(MYVMX_IOC_MAGIC, 0x11)
#define MYVMX_CREATE_DEVICE	_IOW(MYVMX_IOC_MAGIC, 0x12, struct myvmx_create_device)
#define MYVMX_START		_IO(MYVMX_IOC_MAGIC, 0x13)
#define MYVMX_RUN		_IO(MYVMX_IOC_MAGIC, 0x20)
#define MYVMX_GET_REGS		_IOR(MYVMX_IOC_MAGIC, 0x21, struct myvmx_regs)
#define MYVMX_SET_REGS		_IOW(MYVMX_IOC_MAGIC, 0x22, struct myvmx_regs)
#define MYVMX_GET_SREGS		_IOR(MYVMX_IOC_MAGIC, 0x23, struct myvmx_sregs)
#define MYVMX_SET_SREGS		_IOW(MYVMX_IOC_MAGIC, 0x24, struct myvmx_sregs)
#define MYVMX_INJECT		_IOW(MYVMX_IOC_MAGIC, 0x25, struct myvmx_event)

enum myvmx_cmd {
	MYVMX_CMD_UNSPEC,
	MYVMX_CMD_GET_VERSION = RINGZERO_CMD_GET_VERSION,
	MYVMX_CMD_GET_VM,
	MYVMX_CMD_GET_STATS,
	MYVMX_CMD_STOP,
	MYVMX_CMD_PAUSE,
	MYVMX_CMD_RESUME,
	MYVMX_CMD_SHUTDOWN,
	__MYVMX_CMD_MAX
};

#define MYVMX_CMD_MAX (__MYVMX_CMD_MAX - 1)

enum myvmx_attr {
	MYVMX_ATTR_UNSPEC,
	MYVMX_ATTR_VERSION = RINGZERO_ATTR_VERSION,
	MYVMX_ATTR_API_VERSION = RINGZERO_ATTR_API_VERSION,
	MYVMX_ATTR_VM_ID,
	MYVMX_ATTR_VM_NAME,
	MYVMX_ATTR_VM_OWNER,
	MYVMX_ATTR_VM_VCPUS,
	MYVMX_ATTR_VM_MEMORY,
	MYVMX_ATTR_VM_RUNNING,
	MYVMX_ATTR_VCPU,		/* nested: enum myvmx_vcpu_attr */
	MYVMX_ATTR_BACKEND,
	MYVMX_ATTR_VM_STATE,
	MYVMX_ATTR_VM_STOP_REASON,
	MYVMX_ATTR_DEVICE,		/* nested: enum myvmx_device_attr */
	__MYVMX_ATTR_MAX
};

#define MYVMX_ATTR_MAX (__MYVMX_ATTR_MAX - 1)

enum myvmx_vcpu_attr {
	MYVMX_VCPU_UNSPEC,
	MYVMX_VCPU_INDEX,
	MYVMX_VCPU_EXITS,
	MYVMX_VCPU_EXIT,		/* nested: enum myvmx_exit_stat_attr */
	MYVMX_VCPU_PREEMPTIONS,
	MYVMX_VCPU_MIGRATIONS,
	__MYVMX_VCPU_MAX
};

#define MYVMX_VCPU_MAX (__MYVMX_VCPU_MAX - 1)

enum myvmx_device_attr {
	MYVMX_DEVICE_ATTR_UNSPEC,
	MYVMX_DEVICE_ATTR_TYPE,
	MYVMX_DEVICE_ATTR_NAME,
	MYVMX_DEVICE_ATTR_COUNTER,	/* nested: enum myvmx_counter_attr */
	__MYVMX_DEVICE_ATTR_MAX
};

#define MYVMX_DEVICE_ATTR_MAX (__MYVMX_DEVICE_ATTR_MAX - 1)

enum myvmx_counter_attr {
	MYVMX_COUNTER_UNSPEC,
	MYVMX_COUNTER_NAME,
	MYVMX_COUNTER_VALUE,
	__MYVMX_COUNTER_MAX
};

#define MYVMX_COUNTER_MAX (__MYVMX_COUNTER_MAX - 1)

enum myvmx_exit_stat_attr {
	MYVMX_EXIT_STAT_UNSPEC,
	MYVMX_EXIT_STAT_REASON,
	MYVMX_EXIT_STAT_NAME,
	MYVMX_EXIT_STAT_COUNT,
	__MYVMX_EXIT_STAT_MAX
};

#define MYVMX_EXIT_STAT_MAX (__MYVMX_EXIT_STAT_MAX - 1)

/* Kinds of exit, as the counters name them (in quotes). */
enum myvmx_exit_kind {
	MYVMX_KIND_OTHER,		/* "other" */
	MYVMX_KIND_IO,			/* "io": port I/O */
	MYVMX_KIND_MMIO,		/* "mmio": an access outside RAM */
	MYVMX_KIND_HLT,			/* "hlt" */
	MYVMX_KIND_CPUID,		/* "cpuid" */
	MYVMX_KIND_MSR_READ,		/* "msr_read" */
	MYVMX_KIND_MSR_WRITE,		/* "msr_write" */
	MYVMX_KIND_CR_ACCESS,		/* "cr_access" */
	MYVMX_KIND_DR_ACCESS,		/* "dr_access" */
	MYVMX_KIND_EXTERNAL_INTERRUPT,	/* "external_interrupt": the host's */
	MYVMX_KIND_NMI,			/* "nmi": the host's */
	MYVMX_KIND_INTERRUPT_WINDOW,	/* "interrupt_window" */
	MYVMX_KIND_PREEMPTION_TIMER,	/* "preemption_timer" */
	MYVMX_KIND_SHUTDOWN,		/* "shutdown": triple fault */
	MYVMX_KIND_FAILED_ENTRY,	/* "failed_entry" */
	MYVMX_KIND_INVALID_OPCODE,	/* "invalid_opcode": given #UD */
	MYVMX_KIND_CACHE,		/* "cache": INVD, WBINVD */
	MYVMX_KIND_COUNT
};

#endif /* _UAPI_MYVMX_H */
