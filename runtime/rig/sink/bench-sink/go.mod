module keepalive.local/bench-sink

go 1.21
