# SPDX-License-Identifier: GPL-3.0-or-later
<#
windows-conformance.ps1 -BuildDir DIR [-OutDir DIR]: portolan-cli and the console on a real
Windows machine, elevated. It creates, looks up and deletes a persistent TCP and a persistent
UDP block in a free high range, runs the two samples (acquire-release, lookup-associate) and a
bind scan, all with --json, takes a screenshot of the console through portolan.com while the
blocks exist, and leaves the JSON, the log and the PNG in OutDir. It changes the machine's
persistent reservations (and removes what it made), so it runs only where PORTOLAN_REAL_WINDOWS=1
says that is wanted (the GitHub workflow's runner); elsewhere it exits 77, ctest's skip.
#>
param(
    [Parameter(Mandatory = $true)] [string] $BuildDir,
    [string] $OutDir = 'conformance'
)
$ErrorActionPreference = 'Stop'

function Skip([string] $why) {
    Write-Output "windows-conformance: skipped: $why"
    exit 77
}
if ($env:OS -ne 'Windows_NT') { Skip 'not Windows' }
if (Test-Path 'HKLM:\Software\Wine') { Skip 'Wine, not Windows: it has no persistent reservations' }
if ($env:PORTOLAN_REAL_WINDOWS -ne '1') {
    Skip 'PORTOLAN_REAL_WINDOWS=1 is not set (this run changes the machine''s persistent port reservations)'
}
$identity = [Security.Principal.WindowsPrincipal]::new([Security.Principal.WindowsIdentity]::GetCurrent())
if (-not $identity.IsInRole([Security.Principal.WindowsBuiltInRole]::Administrator)) {
    Skip 'not elevated: persistent reservations need an elevated administrator'
}

# portolan-cli writes UTF-8 to a pipe; PowerShell reads native output in this encoding.
[Console]::OutputEncoding = [Text.UTF8Encoding]::new($false)
$cli = Join-Path $BuildDir 'app/cli/portolan-cli.exe'
$twin = Join-Path $BuildDir 'app/portolan.com'
foreach ($program in @($cli, $twin)) {
    if (-not (Test-Path $program)) { throw "windows-conformance: $program is not built" }
}
New-Item -ItemType Directory -Force -Path $OutDir | Out-Null
$log = Join-Path $OutDir 'conformance.log'
Set-Content -Path $log -Value "windows-conformance on $([Environment]::OSVersion.VersionString)" -Encoding utf8
$script:failures = 0

# Write-Host: what a function writes with Write-Output becomes part of its return value.
function Note([string] $text) {
    Write-Host $text
    Add-Content -Path $log -Value $text -Encoding utf8
}

# portolan-cli --json ARGS: the exit code, and the JSON document it printed (saved as NAME.json).
function Cli([string] $name, [int[]] $expected, [string[]] $arguments) {
    $out = & $cli --json @arguments
    $code = $LASTEXITCODE
    $text = ($out -join "`n")
    Set-Content -Path (Join-Path $OutDir "$name.json") -Value $text -Encoding utf8
    $doc = $null
    try { $doc = $text | ConvertFrom-Json } catch { }
    $shown = "portolan-cli --json $($arguments -join ' ')"
    if ($expected -notcontains $code) {
        $script:failures++
        Note "FAIL: $shown exited $code, expected $($expected -join ' or '): $text"
    } elseif ($null -eq $doc) {
        $script:failures++
        Note "FAIL: $shown printed no JSON document: $text"
    } else {
        Note "ok: exit ${code}: $shown"
    }
    return @{ Code = $code; Doc = $doc }
}

# A block of 10 ports that nothing holds yet: the first candidate the system lets us create.
function CreateFree([string] $protocol) {
    foreach ($start in 47000, 46000, 45000, 44000, 43000, 42000, 41000, 40000) {
        $made = Cli "create-$protocol-$start" @(0, 2) @('create', $protocol, "$start", '10')
        if ($made.Code -eq 0) { return $start }
    }
    $script:failures++
    Note "FAIL: no free block of 10 $protocol ports found from 40000 to 47009"
    return $null
}

$created = @{}
try {
    Cli 'dynamic-range' @(0) @('dynamic-range') | Out-Null
    Cli 'list-before' @(0) @('list') | Out-Null

    foreach ($protocol in 'tcp', 'udp') {
        $start = CreateFree $protocol
        if ($null -eq $start) { continue }
        $created[$protocol] = $start
        Cli "lookup-$protocol" @(0) @('lookup', $protocol, "$start", '10') | Out-Null
    }
    if ($created.ContainsKey('tcp')) {
        # The second sample: a TCP socket associated with the block's token binds inside it.
        Cli 'sample-lookup-associate' @(0) @('probe', 'lookup-associate', "$($created['tcp'])", '10') | Out-Null
    }
    # The first sample: a runtime reservation of 10 ports the system chooses.
    Cli 'sample-acquire-release' @(0) @('probe', 'acquire-release', 'ipv4', 'stream', 'tcp', '0', '10') | Out-Null
    Cli 'system-check' @(0) @('probe') | Out-Null
    if ($created.ContainsKey('tcp')) {
        $first = $created['tcp'] - 5
        $last = $created['tcp'] + 14
        Cli 'scan-tcp' @(0) @('scan', 'tcp', "$first-$last") | Out-Null
    }
    Cli 'list-during' @(0) @('list') | Out-Null

    # The console itself, with the blocks above in its reservations view. Through the console
    # twin, which waits for portolan.exe and returns its exit code.
    $png = Join-Path (Resolve-Path $OutDir) 'portolan-windows.png'
    $version = & $twin --version
    Note "portolan.com --version: $version (exit $LASTEXITCODE)"
    & $twin --screenshot $png
    if ($LASTEXITCODE -ne 0 -or -not (Test-Path $png)) {
        $script:failures++
        Note "FAIL: portolan.com --screenshot exited $LASTEXITCODE; $png made: $(Test-Path $png)"
    } else {
        Note "ok: screenshot $png"
    }

    # A state file whose name no ANSI code page holds (simulated backend).
    $name = "$([char]0x6F22)$([char]0x5B57)-$([char]0x0436)$([char]0x0394).json"
    $state = Join-Path (Resolve-Path $OutDir) $name
    Cli 'unicode-state' @(0) @('--backend', 'simulated', '--state', $state, 'create', 'tcp', '50100', '4') | Out-Null
    if (-not (Test-Path -LiteralPath $state)) {
        $script:failures++
        Note "FAIL: the state file $state was not created under its name"
    }
} finally {
    foreach ($protocol in @($created.Keys)) {
        $start = $created[$protocol]
        Cli "delete-$protocol" @(0) @('delete', $protocol, "$start", '10') | Out-Null
        Cli "lookup-$protocol-after-delete" @(5) @('lookup', $protocol, "$start", '10') | Out-Null
    }
}

Note "windows-conformance: $($script:failures) failures"
if ($script:failures -gt 0) { exit 1 }
exit 0
