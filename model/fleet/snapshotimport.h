// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "model/fleet/fleetrecords.h"

#include "platform/error.h"
#include "platform/snapshot/hostsnapshot.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

// Host snapshot documents (platform/snapshot/hostsnapshot.h) as the store keeps them, and the
// files and folders `portolan --import` reads them from.
namespace portolan {

// The record of a snapshot; its document is the snapshot written again in the one canonical
// form, so the same snapshot saved with other spacing is still the same snapshot.
HostSnapshotRecord recordFromSnapshot(const HostSnapshot& snapshot,
                                      SnapshotOrigin origin = SnapshotOrigin::Imported);
// The document of a stored record, read back.
Result<HostSnapshot> snapshotOfRecord(const HostSnapshotRecord& record);

struct SnapshotFile
{
    QString path;
    HostSnapshotRecord record;
};

class SnapshotImport
{
    Q_DECLARE_TR_FUNCTIONS(SnapshotImport)

public:
    // True when the text says it is a host snapshot (its schema id), even when it is
    // truncated or of another version: the snapshot reader then says what is wrong with it.
    static bool isSnapshotText(const QString& text);
    // The files behind the arguments: a file as it is, a folder's *.json files (not its
    // subfolders) sorted by name. An argument that is neither, or a folder without a JSON
    // file, is an error naming it.
    static Result<QStringList> expand(const QStringList& arguments);
    // Reads one snapshot; every error names the file and the field.
    static Result<SnapshotFile> read(const QString& path, const QString& text);
};

} // namespace portolan
