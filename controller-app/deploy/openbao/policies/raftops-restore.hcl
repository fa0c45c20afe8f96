# Restore family (executor action restore): POST the snapshot through the leader, checked against the
# seal (sys/storage/raft/snapshot) or, with RAFTOPS_RESTORE_FORCE, unchecked (snapshot-force); both need
# update (openbao.org api-docs/system/storage/raft). Leave this policy out of the role to forbid restores.
path "sys/storage/raft/snapshot" {
  capabilities = ["update"]
}

path "sys/storage/raft/snapshot-force" {
  capabilities = ["update"]
}
