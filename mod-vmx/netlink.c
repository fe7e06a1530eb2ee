// SPDX-License-Identifier: GPL-2.0
/*
 * The "myvmx" generic netlink family (documented in uapi/myvmx.h): the
 * version, the VMs with their vCPUs' exit counters, and stopping,
 * pausing and resuming them.
 */
#include <kunit/visibility.h>
#include <net/genetlink.h>

#include "netlink.h"
#include "vmm.h"
#include <myvmx.h>

static const struct nla_policy myvmx_genl_policy[MYVMX_ATTR_MAX + 1] = {
	[MYVMX_ATTR_VERSION]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_API_VERSION]	= { .type = NLA_REJECT },
	[MYVMX_ATTR_VM_ID]		= { .type = NLA_U32 },
	[MYVMX_ATTR_VM_NAME]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_VM_OWNER]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_VM_VCPUS]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_VM_MEMORY]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_VM_RUNNING]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_VCPU]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_BACKEND]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_VM_STATE]		= { .type = NLA_REJECT },
	[MYVMX_ATTR_VM_STOP_REASON]	= { .type = NLA_REJECT },
};

static struct genl_family myvmx_genl_family;

/* Build the reply to MYVMX_CMD_GET_VERSION into @msg. */
int myvmx_genl_fill_version(struct sk_buff *msg, u32 portid, u32 seq)
{
	void *hdr;

	hdr = genlmsg_put(msg, portid, seq, &myvmx_genl_family, 0,
			  MYVMX_CMD_GET_VERSION);
	if (!hdr)
		return -EMSGSIZE;
	if (nla_put_string(msg, MYVMX_ATTR_VERSION, RINGZERO_VERSION) ||
	    nla_put_u32(msg, MYVMX_ATTR_API_VERSION, MYVMX_API_VERSION) ||
	    nla_put_string(msg, MYVMX_ATTR_BACKEND, myvmx_backend->name)) {
		genlmsg_cancel(msg, hdr);
		return -EMSGSIZE;
	}
	genlmsg_end(msg, hdr);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(myvmx_genl_fill_version);

static int myvmx_genl_get_version(struct sk_buff *skb, struct genl_info *info)
{
	struct sk_buff *msg;
	int err;

	msg = genlmsg_new(NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	if (!msg)
		return -ENOMEM;
	err = myvmx_genl_fill_version(msg, info->snd_portid, info->snd_seq);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* The VM's own attributes, shared by both replies; vm->lock is held. */
static int myvmx_put_vm(struct sk_buff *msg, struct myvmx_vm *vm)
{
	u32 vcpus = 0, running = 0;
	unsigned int i;

	for (i = 0; i < MYVMX_MAX_VCPUS; i++) {
		struct myvmx_vcpu *vcpu = vm->vcpus[i];

		if (!vcpu)
			continue;
		vcpus++;
		running += READ_ONCE(vcpu->in_run);
	}
	if (nla_put_u32(msg, MYVMX_ATTR_VM_ID, vm->id) ||
	    nla_put_string(msg, MYVMX_ATTR_VM_NAME, vm->name) ||
	    nla_put_u32(msg, MYVMX_ATTR_VM_OWNER, vm->owner) ||
	    nla_put_u32(msg, MYVMX_ATTR_VM_VCPUS, vcpus) ||
	    nla_put_u64_64bit(msg, MYVMX_ATTR_VM_MEMORY, myvmx_vm_memory(vm),
			      MYVMX_ATTR_UNSPEC) ||
	    nla_put_u32(msg, MYVMX_ATTR_VM_RUNNING, running) ||
	    nla_put_string(msg, MYVMX_ATTR_BACKEND, myvmx_backend->name) ||
	    nla_put_u32(msg, MYVMX_ATTR_VM_STATE, vm->state))
		return -EMSGSIZE;
	if (vm->state == MYVMX_STATE_STOPPED &&
	    nla_put_u32(msg, MYVMX_ATTR_VM_STOP_REASON, vm->stop_reason))
		return -EMSGSIZE;
	return 0;
}

static int myvmx_put_vcpu_stats(struct sk_buff *msg, struct myvmx_vcpu *vcpu)
{
	struct nlattr *nest, *exit;
	unsigned int r;

	nest = nla_nest_start(msg, MYVMX_ATTR_VCPU);
	if (!nest ||
	    nla_put_u32(msg, MYVMX_VCPU_INDEX, vcpu->index) ||
	    nla_put_u64_64bit(msg, MYVMX_VCPU_EXITS, READ_ONCE(vcpu->exits),
			      MYVMX_VCPU_UNSPEC) ||
	    nla_put_u64_64bit(msg, MYVMX_VCPU_PREEMPTIONS,
			      READ_ONCE(vcpu->preemptions), MYVMX_VCPU_UNSPEC) ||
	    nla_put_u64_64bit(msg, MYVMX_VCPU_MIGRATIONS,
			      READ_ONCE(vcpu->migrations), MYVMX_VCPU_UNSPEC))
		return -EMSGSIZE;
	for (r = 0; r < MYVMX_NR_EXIT_STATS; r++) {
		u64 count = READ_ONCE(vcpu->exit_stats[r]);

		if (!count)
			continue;
		exit = nla_nest_start(msg, MYVMX_VCPU_EXIT);
		if (!exit ||
		    nla_put_u32(msg, MYVMX_EXIT_STAT_REASON, r) ||
		    nla_put_string(msg, MYVMX_EXIT_STAT_NAME,
				   myvmx_exit_kind_name(r)) ||
		    nla_put_u64_64bit(msg, MYVMX_EXIT_STAT_COUNT, count,
				      MYVMX_EXIT_STAT_UNSPEC))
			return -EMSGSIZE;
		nla_nest_end(msg, exit);
	}
	nla_nest_end(msg, nest);
	return 0;
}

static int myvmx_fill_vm(struct sk_buff *msg, struct myvmx_vm *vm, u32 portid,
			 u32 seq, int flags, u8 cmd)
{
	void *hdr;
	int i;

	hdr = genlmsg_put(msg, portid, seq, &myvmx_genl_family, flags, cmd);
	if (!hdr)
		return -EMSGSIZE;
	/* The vCPUs stay while the lock is held. */
	mutex_lock(&vm->lock);
	if (myvmx_put_vm(msg, vm))
		goto cancel;
	for (i = 0; cmd == MYVMX_CMD_GET_STATS && i < MYVMX_MAX_VCPUS; i++)
		if (vm->vcpus[i] && myvmx_put_vcpu_stats(msg, vm->vcpus[i]))
			goto cancel;
	if (cmd == MYVMX_CMD_GET_STATS && myvmx_devices_put_stats(msg, vm))
		goto cancel;
	mutex_unlock(&vm->lock);
	genlmsg_end(msg, hdr);
	return 0;
cancel:
	mutex_unlock(&vm->lock);
	genlmsg_cancel(msg, hdr);
	return -EMSGSIZE;
}

struct myvmx_dump_ctx {
	struct sk_buff *skb;
	struct netlink_callback *cb;
};

static int myvmx_dump_one(struct myvmx_vm *vm, void *arg)
{
	struct myvmx_dump_ctx *ctx = arg;

	return myvmx_fill_vm(ctx->skb, vm,
			     NETLINK_CB(ctx->cb->skb).portid,
			     ctx->cb->nlh->nlmsg_seq, NLM_F_MULTI,
			     MYVMX_CMD_GET_VM);
}

static int myvmx_genl_dump_vms(struct sk_buff *skb,
			       struct netlink_callback *cb)
{
	struct myvmx_dump_ctx ctx = { .skb = skb, .cb = cb };

	cb->args[0] = myvmx_vm_walk(cb->args[0], myvmx_dump_one, &ctx);
	return skb->len;
}

/* GET_VM (do) and GET_STATS: one VM, named by its id. */
static int myvmx_genl_get_vm(struct sk_buff *skb, struct genl_info *info)
{
	u8 cmd = info->genlhdr->cmd;
	struct sk_buff *msg;
	struct myvmx_vm *vm;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, MYVMX_ATTR_VM_ID))
		return -EINVAL;
	vm = myvmx_vm_get(nla_get_u32(info->attrs[MYVMX_ATTR_VM_ID]));
	if (!vm) {
		NL_SET_ERR_MSG_ATTR(info->extack,
				    info->attrs[MYVMX_ATTR_VM_ID],
				    "myvmx: no VM with this id");
		return -ENOENT;
	}
	msg = genlmsg_new(cmd == MYVMX_CMD_GET_STATS ? 32768 :
			  NLMSG_DEFAULT_SIZE, GFP_KERNEL);
	err = msg ? myvmx_fill_vm(msg, vm, info->snd_portid, info->snd_seq, 0,
				  cmd) : -ENOMEM;
	myvmx_vm_put(vm);
	if (err) {
		nlmsg_free(msg);
		return err;
	}
	return genlmsg_reply(msg, info);
}

/* SHUTDOWN: why the guest cannot be asked. */
static void myvmx_shutdown_error(struct genl_info *info, int err)
{
	if (err == -EALREADY)
		NL_SET_ERR_MSG(info->extack, "myvmx: the VM has already stopped");
	else if (err == -EOPNOTSUPP)
		NL_SET_ERR_MSG(info->extack,
			       "myvmx: the VM has no device to ask its guest to shut down");
	else if (err == -ENODEV)
		NL_SET_ERR_MSG(info->extack,
			       "myvmx: no driver in the guest listens to its keyboard");
	else if (err == -EBUSY)
		NL_SET_ERR_MSG(info->extack,
			       "myvmx: the guest's keyboard buffer is full");
}

/* STOP, SHUTDOWN, PAUSE, RESUME: one VM, named by its id. */
static int myvmx_genl_control(struct sk_buff *skb, struct genl_info *info)
{
	struct nlattr *id = info->attrs[MYVMX_ATTR_VM_ID];
	struct myvmx_vm *vm;
	int err;

	if (GENL_REQ_ATTR_CHECK(info, MYVMX_ATTR_VM_ID))
		return -EINVAL;
	vm = myvmx_vm_get(nla_get_u32(id));
	if (!vm) {
		NL_SET_ERR_MSG_ATTR(info->extack, id, "myvmx: no VM with this id");
		return -ENOENT;
	}
	switch (info->genlhdr->cmd) {
	case MYVMX_CMD_STOP:
		err = myvmx_vm_stop(vm);
		if (err)
			NL_SET_ERR_MSG(info->extack,
				       "myvmx: the VM has already stopped");
		break;
	case MYVMX_CMD_SHUTDOWN:
		err = myvmx_vm_shutdown(vm);
		myvmx_shutdown_error(info, err);
		break;
	default:
		err = myvmx_vm_pause(vm, info->genlhdr->cmd == MYVMX_CMD_PAUSE);
		if (err == -EINVAL)
			NL_SET_ERR_MSG(info->extack,
				       "myvmx: only a started VM that runs can pause or resume");
		else if (err && info->genlhdr->cmd == MYVMX_CMD_PAUSE)
			NL_SET_ERR_MSG(info->extack,
				       "myvmx: the VM is already paused");
		else if (err)
			NL_SET_ERR_MSG(info->extack,
				       "myvmx: the VM is not paused");
	}
	myvmx_vm_put(vm);
	return err;
}

static const struct genl_ops myvmx_genl_ops[] = {
	{
		.cmd	= MYVMX_CMD_GET_VERSION,
		.doit	= myvmx_genl_get_version,
	},
	{
		.cmd	= MYVMX_CMD_GET_VM,
		.doit	= myvmx_genl_get_vm,
		.dumpit	= myvmx_genl_dump_vms,
		.flags	= GENL_ADMIN_PERM,
	},
	{
		.cmd	= MYVMX_CMD_GET_STATS,
		.doit	= myvmx_genl_get_vm,
		.flags	= GENL_ADMIN_PERM,
	},
	{
		.cmd	= MYVMX_CMD_STOP,
		.doit	= myvmx_genl_control,
		.flags	= GENL_ADMIN_PERM,
	},
	{
		.cmd	= MYVMX_CMD_PAUSE,
		.doit	= myvmx_genl_control,
		.flags	= GENL_ADMIN_PERM,
	},
	{
		.cmd	= MYVMX_CMD_RESUME,
		.doit	= myvmx_genl_control,
		.flags	= GENL_ADMIN_PERM,
	},
	{
		.cmd	= MYVMX_CMD_SHUTDOWN,
		.doit	= myvmx_genl_control,
		.flags	= GENL_ADMIN_PERM,
	},
};

static struct genl_family myvmx_genl_family __ro_after_init = {
	.name		= MYVMX_GENL_NAME,
	.version	= MYVMX_GENL_VERSION,
	.maxattr	= MYVMX_ATTR_MAX,
	.policy		= myvmx_genl_policy,
	.netnsok	= true,
	.module		= THIS_MODULE,
	.ops		= myvmx_genl_ops,
	.n_ops		= ARRAY_SIZE(myvmx_genl_ops),
};

int myvmx_genl_init(void)
{
	return genl_register_family(&myvmx_genl_family);
}

void myvmx_genl_uninit(void)
{
	genl_unregister_family(&myvmx_genl_family);
}
