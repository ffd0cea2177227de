package main

// The proxy settings provider-rke2 hands to RKE2 and containerd (cluster.env): RKE2's agent and
// kubelet reach their server and the API through Go's HTTP client, which reads HTTP_PROXY,
// HTTPS_PROXY and NO_PROXY. Traffic inside the cluster must bypass the proxy; this replays the
// provider's composition of NO_PROXY (its defaults, then the node file's) and asks Go's own proxy
// matching (golang.org/x/net/http/httpproxy, what net/http uses) about in-cluster URLs.

import (
	"fmt"
	"net"
	"net/url"
	"strings"

	"golang.org/x/net/http/httpproxy"
)

const srcProxy = "kairos-io/provider-rke2@3442049 pkg/provider/provider.go:121-178 (proxyEnv: NO_PROXY = cluster-cidr, service-cidr, the machine's first network, .svc,.svc.cluster,.svc.cluster.local, then the user's); golang.org/x/net/http/httpproxy"

func checkProxy(node *Node, flags Flags, env NodeEnv, r *Report) {
	e := node.Cluster.Env
	if e["HTTP_PROXY"] == "" && e["HTTPS_PROXY"] == "" {
		return
	}
	// The provider's defaults: it adds the ranges it reads from the config (the node's own network is
	// left out here: the harness does not know the machine's prefix, which only makes it stricter).
	noProxy := []string{}
	for _, key := range []string{"cluster-cidr", "service-cidr"} {
		noProxy = append(noProxy, flags[key]...)
	}
	noProxy = append(noProxy, ".svc", ".svc.cluster", ".svc.cluster.local")
	if user := e["NO_PROXY"]; user != "" {
		noProxy = append(noProxy, user)
	}
	proxyFor := (&httpproxy.Config{HTTPProxy: e["HTTP_PROXY"], HTTPSProxy: e["HTTPS_PROXY"], NoProxy: strings.Join(noProxy, ",")}).ProxyFunc()
	domain := "cluster.local"
	if d, set := flags.last("cluster-domain"); set {
		domain = d
	}
	inside := []string{"https://kubernetes.default.svc:443", "https://kubernetes.default.svc." + domain + ":443"}
	if node.Cluster.Role != "init" {
		inside = append(inside, fmt.Sprintf("https://%s:9345", node.Cluster.ControlPlaneHost))
	}
	for _, ips := range flags["node-ip"] {
		for _, ip := range strings.Split(ips, ",") {
			inside = append(inside, "https://"+net.JoinHostPort(ip, "10250"))
		}
	}
	for _, name := range env.Nodes() {
		for _, i := range env[name].Interfaces {
			for _, ip := range i.Addresses {
				inside = append(inside, "https://"+net.JoinHostPort(ip, "6443"))
			}
		}
	}
	for _, cidrs := range [][]string{flags["cluster-cidr"], flags["service-cidr"]} {
		for _, list := range cidrs {
			for _, cidr := range strings.Split(list, ",") {
				if ip, _, err := net.ParseCIDR(cidr); err == nil {
					inside = append(inside, "http://"+net.JoinHostPort(next(ip).String(), "80"))
				}
			}
		}
	}
	for _, target := range inside {
		u, err := url.Parse(target)
		if err != nil {
			continue
		}
		if proxy, err := proxyFor(u); err == nil && proxy != nil {
			r.errorf(node.File, "cluster.env.NO_PROXY", "proxy.inside-cluster", srcProxy, "%s would go through the proxy %s: in-cluster traffic must bypass it", target, proxy.Host)
		}
	}
}

// next is the address after ip: the first usable one of a range.
func next(ip net.IP) net.IP {
	out := make(net.IP, len(ip))
	copy(out, ip)
	for i := len(out) - 1; i >= 0; i-- {
		out[i]++
		if out[i] != 0 {
			break
		}
	}
	return out
}
