# Rolling family (executor action step-down): the leader steps down before its pod restarts.
# PUT sys/step-down needs update and sudo (openbao.org api-docs/system/step-down). Leadership and
# health are read from the unauthenticated sys/health, so nothing else is granted.
path "sys/step-down" {
  capabilities = ["update", "sudo"]
}
