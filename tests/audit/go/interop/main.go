// Command interop checks an OpenCounter checkpoint, inclusion proofs and consistency
// proofs with the Go reference code (golang.org/x/mod/sumdb/note and sumdb/tlog).
// Usage: interop CASE.json; prints "ok" and exits 0, or prints the failure and exits 1.
package main

import (
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"strings"

	"golang.org/x/mod/sumdb/note"
	"golang.org/x/mod/sumdb/tlog"
)

type entry struct {
	Index int64    `json:"index"`
	Data  string   `json:"data"`
	Proof []string `json:"proof"`
}

type consistency struct {
	OldSize int64    `json:"old_size"`
	OldRoot string   `json:"old_root"`
	Proof   []string `json:"proof"`
}

type testCase struct {
	VerifierKey string        `json:"vkey"`
	Checkpoint  string        `json:"checkpoint"`
	Entries     []entry       `json:"entries"`
	Consistency []consistency `json:"consistency"`
}

func hashes(encoded []string) ([]tlog.Hash, error) {
	out := make([]tlog.Hash, len(encoded))
	for i, e := range encoded {
		raw, err := base64.StdEncoding.DecodeString(e)
		if err != nil || len(raw) != tlog.HashSize {
			return nil, fmt.Errorf("bad hash %q", e)
		}
		copy(out[i][:], raw)
	}
	return out, nil
}

func run(path string) error {
	raw, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	var c testCase
	if err := json.Unmarshal(raw, &c); err != nil {
		return err
	}
	verifier, err := note.NewVerifier(c.VerifierKey)
	if err != nil {
		return fmt.Errorf("verifier key: %v", err)
	}
	n, err := note.Open([]byte(c.Checkpoint), note.VerifierList(verifier))
	if err != nil {
		return fmt.Errorf("checkpoint signature: %v", err)
	}
	lines := strings.Split(n.Text, "\n")
	size, err := strconv.ParseInt(lines[1], 10, 64)
	if err != nil {
		return fmt.Errorf("checkpoint size: %v", err)
	}
	roots, err := hashes([]string{lines[2]})
	if err != nil {
		return err
	}
	root := roots[0]
	for _, e := range c.Entries {
		proof, err := hashes(e.Proof)
		if err != nil {
			return err
		}
		if err := tlog.CheckRecord(proof, size, root, e.Index, tlog.RecordHash([]byte(e.Data))); err != nil {
			return fmt.Errorf("inclusion of entry %d: %v", e.Index, err)
		}
	}
	for _, k := range c.Consistency {
		proof, err := hashes(k.Proof)
		if err != nil {
			return err
		}
		old, err := hashes([]string{k.OldRoot})
		if err != nil {
			return err
		}
		if err := tlog.CheckTree(proof, size, root, k.OldSize, old[0]); err != nil {
			return fmt.Errorf("consistency from %d: %v", k.OldSize, err)
		}
	}
	return nil
}

func main() {
	if err := run(os.Args[1]); err != nil {
		fmt.Println(err)
		os.Exit(1)
	}
	fmt.Println("ok")
}
