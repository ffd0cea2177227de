package dev.netc.diagnostics;

import java.util.Locale;

/**
 * Stable diagnostic codes. A number is never reused once released; retired codes stay here,
 * marked deprecated. Groups: NS0xxx syntax, NS1xxx names and imports, NS2xxx values and
 * networks, NS3xxx policy semantics, NS4xxx RKE2/Kairos/Canal, NS9xxx internal.
 *
 * <p>The message text of each code lives in {@code messages.properties} under the same key.
 */
public enum Code {
    // syntax
    NS0001(Severity.ERROR), // unexpected token
    NS0002(Severity.ERROR), // unterminated string
    NS0003(Severity.ERROR), // unterminated block comment
    NS0004(Severity.ERROR), // `#` comment
    NS0005(Severity.ERROR), // invalid character
    NS0006(Severity.ERROR), // YAML-style `key: value`
    NS0007(Severity.ERROR), // unclosed block
    NS0008(Severity.ERROR), // input too large / too deep
    NS0009(Severity.ERROR), // invalid string escape or interpolation
    NS0010(Severity.ERROR), // not UTF-8 text
    NS0011(Severity.NOTE), // too many errors: the rest are left out
    NS0012(Severity.ERROR), // the output folder cannot be written
    NS0020(Severity.ERROR), // an input cannot be read: no such file, a folder without specs
    NS0021(Severity.WARNING), // a `// netc:allow` comment that allows nothing

    // names and imports
    NS1001(Severity.ERROR), // unresolved name
    NS1002(Severity.ERROR), // duplicate declaration
    NS1003(Severity.ERROR), // import not found
    NS1004(Severity.ERROR), // import cycle
    NS1005(Severity.ERROR), // unknown property
    NS1006(Severity.ERROR), // unknown block
    NS1007(Severity.ERROR), // statement not allowed here
    NS1008(Severity.ERROR), // parameter without value
    NS1009(Severity.ERROR), // --set of an undeclared parameter
    NS1010(Severity.ERROR), // import outside the project
    NS1011(Severity.ERROR), // duplicate property
    NS1020(Severity.ERROR), // a file found in an input folder links outside it
    NS1030(Severity.ERROR), // malformed sites file (batch compilation)
    NS1031(Severity.ERROR), // sites file column that is not a parameter
    NS1032(Severity.ERROR), // a site name that cannot name its folder in a GitOps tree
    NS1040(Severity.ERROR), // a `netc query` that cannot be answered as written
    NS1050(Severity.ERROR), // `netc import`: a file that is not Kubernetes YAML
    NS1051(Severity.WARNING), // `netc import`: an object that is not a Namespace or NetworkPolicy
    NS1052(Severity.ERROR), // `netc import`: a NetworkPolicy or Namespace that cannot be read
    NS1053(Severity.WARNING), // `netc import`: what netspec cannot say, left out

    // values and networks
    NS2001(Severity.ERROR), // invalid CIDR
    NS2002(Severity.ERROR), // invalid IP address
    NS2003(Severity.ERROR), // host bits set
    NS2004(Severity.ERROR), // port out of range
    NS2005(Severity.ERROR), // unknown protocol
    NS2006(Severity.ERROR), // invalid label key
    NS2007(Severity.ERROR), // invalid label value
    NS2008(Severity.ERROR), // invalid DNS-1123 name
    NS2009(Severity.ERROR), // wrong kind of value
    NS2010(Severity.ERROR), // missing required property
    NS2011(Severity.ERROR), // invalid duration
    NS2012(Severity.ERROR), // number out of range
    NS2013(Severity.ERROR), // parameter value of the wrong type
    NS2014(Severity.ERROR), // secret source unavailable
    NS2015(Severity.WARNING), // literal token in source
    NS2016(Severity.ERROR), // port without protocol
    NS2017(Severity.ERROR), // invalid port range
    NS2018(Severity.ERROR), // except not inside the included range
    NS2019(Severity.ERROR), // invalid interface name
    NS2020(Severity.ERROR), // overlapping pod, service or node ranges
    NS2021(Severity.ERROR), // cluster DNS outside the service range
    NS2022(Severity.ERROR), // cluster DNS is the network or first address of the service range
    NS2023(Severity.ERROR), // inconsistent IP families (dual-stack)
    NS2024(Severity.ERROR), // node address outside its network
    NS2025(Severity.ERROR), // node address used twice
    NS2026(Severity.ERROR), // pod range does not fit the nodes
    NS2027(Severity.ERROR), // service range too wide (a warning for IPv6 between /64 and /108)
    NS2028(Severity.ERROR), // invalid port name
    NS2029(Severity.ERROR), // a character the node's YAML readers refuse or read as a line break
    NS2030(Severity.WARNING), // white space removed from the ends of the cluster token
    NS2031(Severity.ERROR), // an address or range in a range the consumers refuse for its use
    NS2032(Severity.ERROR), // a WireGuard pre-shared key that is not 32 bytes of standard base64

    // policy semantics
    NS3001(Severity.ERROR), // port not exposed by the target tier
    NS3004(Severity.ERROR), // external without any address after except
    NS3005(Severity.ERROR), // tier-qualified end outside a namespace is ambiguous / needs qualification
    NS3006(Severity.WARNING), // two tiers of a namespace can select the same pod
    NS3007(Severity.WARNING), // unused tier, external or port constant
    NS3008(Severity.WARNING), // addresses of a flow cover the pod or service range
    NS3009(Severity.WARNING), // egress isolated with DNS switched off
    NS3010(Severity.WARNING), // ingress from every namespace
    NS3011(Severity.WARNING), // flow without effect: neither side is isolated
    NS3012(Severity.ERROR), // flow between two address ends
    NS3013(Severity.WARNING), // the CNI does not enforce NetworkPolicies
    NS3014(Severity.WARNING), // kube-system isolated
    NS3015(Severity.ERROR), // a container port name towards addresses
    NS3016(Severity.ERROR), // a one-sided flow with nothing on its side
    NS3017(Severity.ERROR), // isolation or DNS in a namespace owned by others
    NS3018(Severity.ERROR), // a tier's `dns off` under the namespace's DNS rule
    NS3019(Severity.WARNING), // a label selector no labels satisfy
    NS3020(Severity.WARNING), // an external named like a namespace hides it
    NS3021(Severity.ERROR), // a tier's selector selects no pod
    NS3030(Severity.ERROR), // `expect` followed by neither `allow` nor `deny`
    NS3031(Severity.ERROR), // an `expect allow` the emitted policies break
    NS3032(Severity.ERROR), // an `expect deny` the emitted policies break
    NS3033(Severity.ERROR), // an expectation between two address ends
    NS3034(Severity.WARNING), // an end of an expectation that stands for nothing netc evaluates

    // RKE2 / Kairos / Canal
    NS4001(Severity.ERROR), // unknown RKE2 key
    NS4002(Severity.ERROR), // RKE2 key dropped by RKE2
    NS4003(Severity.ERROR), // RKE2 key netc derives itself
    NS4004(Severity.ERROR), // RKE2 key value of the wrong type
    NS4005(Severity.ERROR), // role
    NS4006(Severity.ERROR), // exactly one init node
    NS4007(Severity.ERROR), // canal network not reachable from a node
    NS4008(Severity.WARNING), // canal-config ConfigMap is not read by RKE2
    NS4009(Severity.ERROR), // unknown canal backend
    NS4010(Severity.ERROR), // unknown kube-proxy mode
    NS4011(Severity.ERROR), // kube-proxy option needs a mode
    NS4012(Severity.ERROR), // cloud-config content would be templated by Kairos
    NS4013(Severity.ERROR), // cni value
    NS4014(Severity.ERROR), // pod MTU too large for the underlay (a warning when netc has to assume the underlay)
    NS4015(Severity.ERROR), // Canal tunnel port taken by another node service
    NS4016(Severity.ERROR), // MetalLB with IPVS but without strict ARP
    NS4017(Severity.WARNING), // kube-proxy IPVS mode is deprecated
    NS4018(Severity.ERROR), // control-plane host not usable by provider-rke2
    NS4019(Severity.ERROR), // RKE2 key value outside its allowed set
    NS4020(Severity.ERROR), // node external IP together with a cloud provider
    NS4021(Severity.ERROR), // CNI list other than one CNI, or multus and one CNI
    NS4022(Severity.ERROR), // kube-proxy refuses a flag or its value and exits
    NS4023(Severity.WARNING), // kube-proxy ignores a flag
    NS4024(Severity.ERROR), // a Canal value the chart or flannel cannot use
    NS4025(Severity.WARNING), // a Canal value the chart ignores with the backend
    NS4026(Severity.ERROR), // a CNI block (canal, calico, cilium, flannel) while RKE2 does not deploy its chart
    NS4027(Severity.ERROR), // bind-address is not an address the node registers with
    NS4028(Severity.ERROR), // a key every server must share, set on one server
    NS4029(Severity.ERROR), // data-dir is not an absolute path
    NS4030(Severity.ERROR), // `disable` names a manifest netc writes
    NS4031(Severity.ERROR), // the air-gap archives lack images the cluster needs, or RKE2 cannot read one
    NS4032(Severity.ERROR), // kube-proxy none without a CNI that implements Services
    NS4033(Severity.ERROR), // an RKE2 key only servers read, set in a worker's block
    NS4034(Severity.ERROR), // two settings that undo each other
    NS4035(Severity.ERROR), // a WireGuard pre-shared key with another backend

    // internal
    NS9001(Severity.ERROR); // internal compiler error

    private final Severity defaultSeverity;

    Code(Severity defaultSeverity) {
        this.defaultSeverity = defaultSeverity;
    }

    public Severity defaultSeverity() {
        return defaultSeverity;
    }

    /** True for the NS0xxx group: the input did not parse. */
    public boolean isSyntax() {
        return name().startsWith("NS0");
    }

    /** Parses `NS2104` or `ns2104`; returns null when it is no known code. */
    public static Code parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
