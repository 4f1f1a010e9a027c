#include "app/ProductDialogFilter.h"

#include "scene/ProductKinds.h"

#include <QObject>
#include <QStringList>

namespace banquise::app {

QString productDialogFilter()
{
    QStringList every;
    QStringList lines;
    for (const scene::ProductFileFilter& kind : scene::productFileFilters()) {
        QStringList patterns;
        for (const std::string& pattern : kind.patterns)
            patterns << QString::fromStdString(pattern);
        lines << QStringLiteral("%1 (%2)").arg(QString::fromStdString(kind.label), patterns.join(' '));
        every << patterns;
    }
    every.removeDuplicates();
    return QObject::tr("Products (%1)").arg(every.join(' ')) + ";;" + lines.join(";;") + ";;" + QObject::tr("All files (*)");
}

} // namespace banquise::app
