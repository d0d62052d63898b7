// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "consoleoptions.h"

#include <QCommandLineParser>
#include <QString>
#include <QStringList>

#include <span>

// The console's options in one table for the window, --import and --export: the
// QCommandLineParser they are registered with (so --help lists them all), and the refusals of
// the parser itself, each naming the option and what it allows. consoleoptions.cpp reads the
// values and checks them against each other.
namespace portolan::console {

enum ModeBits : unsigned
{
    kWindow = 1,
    kImport = 2,
    kExport = 4,
    kEveryMode = kWindow | kImport | kExport,
};
unsigned modeBit(ConsoleMode mode);

struct OptionSpec
{
    const char* name;
    unsigned modes;                    // ModeBits: the modes it applies to
    const char* help;                  // nullptr: left out of --help
    const char* valueName = nullptr;   // neither this nor `values`: a flag
    QStringList (*values)() = nullptr; // the allowed values, when they are a fixed list
    const char* allowed = nullptr;     // else what a value may be, for the errors
    const char* alias = nullptr;
};
// In --help order; Qt's own options (-platform NAME, ...) are not in it.
std::span<const OptionSpec> optionSpecs();

// Registers every option of every mode, and Qt's own, hidden.
void addOptions(QCommandLineParser& parser);
// The --names that apply to `mode`; the window's include --import and --export.
QStringList optionsOf(ConsoleMode mode);

// After QCommandLineParser::parse() failed: the unknown option, the option without its value,
// or the flag given a value.
QString syntaxProblem(const QCommandLineParser& parser, const QStringList& args, ConsoleMode mode);
// After it succeeded: an option given twice, an empty or missing value, a stray argument, an
// unknown --lang. Empty when there is none.
QString valueProblem(const QCommandLineParser& parser);

QString quoted(const QString& text);     // 'text'
QString joined(const QStringList& list); // "a, b, c"
QStringList backendKinds();              // windows, linux, simulated
QStringList protocols();                 // tcp, udp
QStringList reportFormats();             // csv, json, html, pdf

} // namespace portolan::console
