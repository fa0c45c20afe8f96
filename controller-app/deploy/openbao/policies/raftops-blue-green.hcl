# Blue/green family (executor actions join-green, wait-synced, promote-green, demote-blue,
# repair-consensus, remove-blue-peers, remove-green-peers). The join itself is called on the joining
# (uninitialised) node and takes no token (openbao internal/http/sys_raft.go), so it needs no grant.
path "sys/storage/raft/configuration" {
  capabilities = ["read"]
}

path "sys/storage/raft/autopilot/state" {
  capabilities = ["read"]
}

path "sys/storage/raft/promote" {
  capabilities = ["update"]
}

path "sys/storage/raft/demote" {
  capabilities = ["update"]
}

path "sys/storage/raft/remove-peer" {
  capabilities = ["update"]
}

# demote-blue hands the lead to Green: step-down needs update and sudo
path "sys/step-down" {
  capabilities = ["update", "sudo"]
}
