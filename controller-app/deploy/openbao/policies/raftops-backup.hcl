# Backup family (executor actions backup and pre-upgrade-snapshot): stream the leader's Raft snapshot
# (GET sys/storage/raft/snapshot needs read) and read autopilot state for the leader's term, written
# into the snapshot's metadata (openbao.org api-docs/system/storage/raft and raftautopilot).
path "sys/storage/raft/snapshot" {
  capabilities = ["read"]
}

path "sys/storage/raft/autopilot/state" {
  capabilities = ["read"]
}
