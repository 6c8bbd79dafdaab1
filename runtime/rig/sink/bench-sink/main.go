// Command bench-sink is the HTTPS endpoint of `npm run bench`: it answers every request after a
// fixed latency and counts what each forwarder costs (TCP connections, TLS handshakes, requests,
// unique deliveries), like the Node sink the tests use (rig/sink/https-sink.ts), but in a process of
// its own and with a latency that is kept to a tenth of a millisecond.
//
// Why not the Node sink: Node's timers fire in whole milliseconds, so every request that arrives
// within one millisecond is answered in the same event-loop turn, on average half a millisecond
// late. A forwarder then receives its in-flight responses in bursts and works through each burst one
// by one, and the benchmark measures the sink's timer buckets as much as the forwarder. Go's
// time.Sleep has the same granularity (the runtime's poller waits in milliseconds), so each request
// here waits its last 2 ms in nanosleep(2) on a thread of its own, which the kernel wakes within
// ~0.1-0.2 ms (measured with 16 requests at a time).
//
// Usage: bench-sink -cert server.pem -key server.key [-latency-ms 0] [-response-bytes 0]
//
// It prints one JSON line on stdout once both listeners are up:
//
//	{"url":"https://127.0.0.1:PORT","control":"http://127.0.0.1:PORT"}
//
// The control listener (plain HTTP, loopback only) serves:
//
//	GET  /stats          counters since the last reset (JSON, see stats below)
//	POST /reset          zeroes counters, delivered ids and the timeline
//	POST /latency?ms=N   sets the latency of later requests (0 to 600000)
//
// A delivery is counted once per message id, the "id" at the start of the JSON bodies the benchmark
// publishes, else per Idempotency-Key header; requests with neither are counted as requests only.
// It runs until it is signalled (SIGTERM or SIGINT).
package main

import (
	"bytes"
	"crypto/tls"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
)

// stats is what GET /stats returns. Times are milliseconds on this process's monotonic clock:
// only their differences mean something.
type stats struct {
	Requests        int64            `json:"requests"`
	Connections     int64            `json:"connections"`
	TLSHandshakes   int64            `json:"tlsHandshakes"`
	Delivered       int              `json:"delivered"`
	ByStatus        map[string]int64 `json:"byStatus"`
	OpenConnections int64            `json:"openConnections"`
	FirstRequestAt  *float64         `json:"firstRequestAt,omitempty"`
	LastDeliveryAt  *float64         `json:"lastDeliveryAt,omitempty"`
	// Milliseconds since the last TCP connection was accepted (for waiting until the sink is idle).
	SinceLastConnectionMs float64 `json:"sinceLastConnectionMs"`
}

type sink struct {
	started       time.Time
	latencyNs     atomic.Int64
	responseBody  []byte
	openConns     atomic.Int64
	mu            sync.Mutex
	requests      int64
	connections   int64
	handshakes    int64
	byStatus      map[string]int64
	delivered     map[string]struct{}
	firstRequest  time.Duration
	lastDelivery  time.Duration
	lastConnected time.Duration
}

const maxLatencyMs = 600_000

func main() {
	certFile := flag.String("cert", "", "server certificate (PEM)")
	keyFile := flag.String("key", "", "server private key (PEM)")
	latencyMs := flag.Float64("latency-ms", 0, "time each request waits before its answer, in ms")
	responseBytes := flag.Int("response-bytes", 0, "response body size in bytes")
	flag.Parse()
	if *certFile == "" || *keyFile == "" {
		fail("-cert and -key are required")
	}
	if *latencyMs < 0 || *latencyMs > maxLatencyMs {
		fail(fmt.Sprintf("-latency-ms must be from 0 to %d, got %v", maxLatencyMs, *latencyMs))
	}
	if *responseBytes < 0 || *responseBytes > 64<<20 {
		fail(fmt.Sprintf("-response-bytes must be from 0 to %d, got %d", 64<<20, *responseBytes))
	}
	// See sleepUntil: a slot per request the benchmark can have in flight, and then some.
	runtime.GOMAXPROCS(256)
	certificate, err := tls.LoadX509KeyPair(*certFile, *keyFile)
	if err != nil {
		fail("loading -cert/-key: " + err.Error())
	}

	s := &sink{
		started:      time.Now(),
		responseBody: bytes.Repeat([]byte{'.'}, *responseBytes),
		byStatus:     map[string]int64{},
		delivered:    map[string]struct{}{},
	}
	s.latencyNs.Store(int64(*latencyMs * float64(time.Millisecond)))

	tlsConfig := &tls.Config{
		Certificates: []tls.Certificate{certificate},
		// HTTP/1.1 only, like the Node sink: a Go client (nsq_to_http) must not get HTTP/2.
		NextProtos: []string{"http/1.1"},
		// Called once per completed handshake, full or resumed.
		VerifyConnection: func(tls.ConnectionState) error {
			s.mu.Lock()
			s.handshakes++
			s.mu.Unlock()
			return nil
		},
	}
	listener, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("listen: " + err.Error())
	}
	server := &http.Server{
		Handler:   http.HandlerFunc(s.serve),
		TLSConfig: tlsConfig,
		// A non-nil empty map turns HTTP/2 off.
		TLSNextProto: map[string]func(*http.Server, *tls.Conn, http.Handler){},
		// Longer than any run: the server must never be the one churning connections.
		IdleTimeout: 10 * time.Minute,
		ConnState:   s.connState,
		ErrorLog:    nil,
	}
	server.SetKeepAlivesEnabled(true)
	go func() {
		if err := server.ServeTLS(listener, "", ""); err != nil && err != http.ErrServerClosed {
			fail("https server: " + err.Error())
		}
	}()

	control, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fail("listen (control): " + err.Error())
	}
	go func() {
		if err := http.Serve(control, http.HandlerFunc(s.control)); err != nil {
			fail("control server: " + err.Error())
		}
	}()

	ready, _ := json.Marshal(map[string]string{
		"url":     "https://" + listener.Addr().String(),
		"control": "http://" + control.Addr().String(),
	})
	fmt.Println(string(ready))

	select {}
}

func fail(message string) {
	fmt.Fprintln(os.Stderr, "bench-sink: "+message)
	os.Exit(2)
}

func (s *sink) now() time.Duration { return time.Since(s.started) }

func (s *sink) connState(_ net.Conn, state http.ConnState) {
	switch state {
	case http.StateNew:
		s.openConns.Add(1)
		s.mu.Lock()
		s.connections++
		s.lastConnected = s.now()
		s.mu.Unlock()
	case http.StateClosed, http.StateHijacked:
		s.openConns.Add(-1)
	}
}

func (s *sink) serve(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	s.requests++
	if s.requests == 1 {
		s.firstRequest = s.now()
	}
	s.mu.Unlock()

	body, err := io.ReadAll(r.Body)
	if err != nil {
		return // the client went away mid-request; nothing to answer
	}
	// The latency counts from the end of the request body, as in the Node sink.
	if latency := s.latencyNs.Load(); latency > 0 {
		sleepUntil(time.Now().Add(time.Duration(latency)))
	}
	key := messageID(body)
	if key == "" {
		key = r.Header.Get("Idempotency-Key")
	}
	s.mu.Lock()
	s.byStatus["200"]++
	if key != "" {
		if _, seen := s.delivered[key]; !seen {
			s.delivered[key] = struct{}{}
			s.lastDelivery = s.now()
		}
	}
	s.mu.Unlock()

	header := w.Header()
	header.Set("Content-Type", "text/plain")
	header.Set("Content-Length", strconv.Itoa(len(s.responseBody)))
	w.WriteHeader(http.StatusOK)
	_, _ = w.Write(s.responseBody)
}

// sleepUntil waits with the runtime's timer until 2 ms before deadline, then blocks this
// goroutine's thread in nanosleep(2), whose high-resolution timer wakes it on time. A thread
// blocked in a system call keeps its scheduler slot (P) until the runtime's monitor takes it back,
// which can take milliseconds; main() therefore runs with many more slots than requests in flight.
func sleepUntil(deadline time.Time) {
	if coarse := time.Until(deadline) - 2*time.Millisecond; coarse > 0 {
		time.Sleep(coarse)
	}
	for {
		remaining := time.Until(deadline)
		if remaining <= 0 {
			return
		}
		request := syscall.NsecToTimespec(int64(remaining))
		if err := syscall.Nanosleep(&request, nil); err != nil && err != syscall.EINTR {
			return
		}
	}
}

// messageID is the "id" a benchmark body starts with: {"id":"<run>:<seq>",...}.
func messageID(body []byte) string {
	const prefix = `{"id":"`
	if !bytes.HasPrefix(body, []byte(prefix)) {
		return ""
	}
	rest := body[len(prefix):]
	if len(rest) > 200 {
		rest = rest[:200]
	}
	end := bytes.IndexByte(rest, '"')
	if end <= 0 {
		return ""
	}
	return string(rest[:end])
}

func (s *sink) control(w http.ResponseWriter, r *http.Request) {
	switch {
	case r.Method == http.MethodGet && r.URL.Path == "/stats":
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(s.snapshot())
	case r.Method == http.MethodPost && r.URL.Path == "/reset":
		s.mu.Lock()
		s.requests, s.connections, s.handshakes = 0, 0, 0
		s.byStatus = map[string]int64{}
		s.delivered = map[string]struct{}{}
		s.firstRequest, s.lastDelivery = 0, 0
		s.mu.Unlock()
		w.WriteHeader(http.StatusNoContent)
	case r.Method == http.MethodPost && r.URL.Path == "/latency":
		ms, err := strconv.ParseFloat(r.URL.Query().Get("ms"), 64)
		if err != nil || ms < 0 || ms > maxLatencyMs {
			http.Error(w, fmt.Sprintf("ms must be a number from 0 to %d", maxLatencyMs), http.StatusBadRequest)
			return
		}
		s.latencyNs.Store(int64(ms * float64(time.Millisecond)))
		w.WriteHeader(http.StatusNoContent)
	default:
		http.Error(w, "GET /stats, POST /reset or POST /latency?ms=N", http.StatusNotFound)
	}
}

func (s *sink) snapshot() stats {
	s.mu.Lock()
	defer s.mu.Unlock()
	byStatus := make(map[string]int64, len(s.byStatus))
	for status, count := range s.byStatus {
		byStatus[status] = count
	}
	out := stats{
		Requests:              s.requests,
		Connections:           s.connections,
		TLSHandshakes:         s.handshakes,
		Delivered:             len(s.delivered),
		ByStatus:              byStatus,
		OpenConnections:       s.openConns.Load(),
		SinceLastConnectionMs: float64(s.now()-s.lastConnected) / float64(time.Millisecond),
	}
	if s.requests > 0 {
		first := float64(s.firstRequest) / float64(time.Millisecond)
		out.FirstRequestAt = &first
	}
	if len(s.delivered) > 0 {
		last := float64(s.lastDelivery) / float64(time.Millisecond)
		out.LastDeliveryAt = &last
	}
	return out
}
