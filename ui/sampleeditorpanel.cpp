#include "sampleeditorpanel.h"

#include "customfieldseditor.h"
#include "samples/metadatabuilder.h"
#include "samples/sampledescription.h"
#include "tageditor.h"
#include "upload/sampleupload.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDoubleValidator>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QStyle>
#include <QToolButton>
#include <QVBoxLayout>

namespace SeqDrop {

namespace {

const QDate NotSet(1900, 1, 1); // QDateEdit cannot be empty: its minimum stands for "not set"

const QString TagsKey = QStringLiteral("tags");
const QString ProjectKey = QStringLiteral("project");
const QString CustomKey = QStringLiteral("custom");
const QString StarredKey = QStringLiteral("starred");

QString valueText(const QJsonValue &v) {
    if (v.isDouble())
        return QString::number(v.toDouble(), 'g', 10);
    if (v.isBool())
        return v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    return v.toString();
}

} // namespace

SampleEditorPanel::SampleEditorPanel(QWidget *parent)
    : QWidget(parent)
    , m_heading(new QLabel(this))
    , m_tags(new TagEditor)
    , m_project(new QComboBox)
    , m_starred(new QCheckBox(tr("Starred")))
    , m_custom(new CustomFieldsEditor)
    , m_apply(new QPushButton(tr("&Apply to selected"), this))
    , m_revert(new QPushButton(tr("Re&vert"), this)) {
    setObjectName(QStringLiteral("sampleEditorPanel"));
    m_heading->setWordWrap(true);
    QFont bold = m_heading->font();
    bold.setBold(true);
    m_heading->setFont(bold);
    m_apply->setObjectName(QStringLiteral("applyButton"));
    m_apply->setAccessibleName(tr("Apply the description to the selected samples"));
    m_apply->setDefault(true);
    m_revert->setAccessibleName(tr("Discard changes to the description"));

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_form = buildForm();
    scroll->setWidget(m_form);
    // No horizontal scrolling, so the panel must never be narrower than its form.
    scroll->setMinimumWidth(m_form->minimumSizeHint().width() +
                            scroll->verticalScrollBar()->sizeHint().width());

    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(m_revert);
    buttons->addWidget(m_apply);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);

    connect(m_apply, &QPushButton::clicked, this, &SampleEditorPanel::apply);
    connect(m_revert, &QPushButton::clicked, this, &SampleEditorPanel::revert);
    connect(m_tags, &TagEditor::edited, this, [this] { touch(TagsKey); });
    connect(m_project, &QComboBox::activated, this, [this] { touch(ProjectKey); });
    connect(m_starred, &QCheckBox::clicked, this, [this] {
        m_starred->setTristate(false);
        touch(StarredKey);
    });
    connect(m_custom, &CustomFieldsEditor::edited, this, [this] { touch(CustomKey); });
    setProjects({});
    updateState();
}

QWidget *SampleEditorPanel::buildForm() {
    auto *form = new QWidget;
    auto *layout = new QFormLayout(form);
    layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    // `validated`: the field's value is checked as typed, with the reason under it.
    auto addRow = [&](const QString &label, QWidget *field, const QString &key,
                      bool validated = true) {
        auto *box = new QWidget;
        auto *v = new QVBoxLayout(box);
        v->setContentsMargins(0, 0, 0, 0);
        v->setSpacing(2);
        v->addWidget(field);
        if (validated)
            v->addWidget(errorLabel(key));
        v->addWidget(addSourceLabel(key));
        layout->addRow(label, box);
    };

    m_tags->setAccessibleName(tr("Tags"));
    m_project->setObjectName(QStringLiteral("projectCombo"));
    m_project->setAccessibleName(tr("Project"));
    m_project->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_project->setMinimumContentsLength(12);
    m_starred->setAccessibleName(tr("Starred"));
    addRow(tr("&Tags:"), m_tags, TagsKey, false);
    addRow(tr("&Project:"), m_project, ProjectKey, false);
    addRow(tr("Sample &name:"),
           addLine(QStringLiteral("name"), 255, tr("Defaults to the file name")),
           QStringLiteral("name"));
    addRow(
        tr("E&xternal sample ID:"),
        addLine(QStringLiteral("external_sample_id"), 60, tr("Your lab's ID, up to 60 characters")),
        QStringLiteral("external_sample_id"));
    addRow(tr("&Description:"), addLine(QStringLiteral("description"), -1, QString()),
           QStringLiteral("description"));
    addRow(tr("Date &collected:"), addDate(QStringLiteral("date_collected")),
           QStringLiteral("date_collected"));
    addRow(tr("Date se&quenced:"), addDate(QStringLiteral("date_sequenced")),
           QStringLiteral("date_sequenced"));
    addRow(tr("&Location:"), addLine(QStringLiteral("location_string"), 255, tr("e.g. Boston, MA")),
           QStringLiteral("location_string"));
    QLineEdit *lat = addLine(QStringLiteral("location_lat"), 20, tr("-90 to 90"));
    QLineEdit *lon = addLine(QStringLiteral("location_lon"), 20, tr("-180 to 180"));
    addRow(tr("Latit&ude:"), lat, QStringLiteral("location_lat"));
    addRow(tr("Longitu&de:"), lon, QStringLiteral("location_lon"));
    addRow(tr("Plat&form:"),
           addCombo(QStringLiteral("platform"),
                    QStringList{QString()} + MetadataBuilder::platforms(), true),
           QStringLiteral("platform"));
    addRow(tr("Librar&y type:"),
           addCombo(QStringLiteral("library_type"),
                    QStringList{QString()} + MetadataBuilder::libraryTypes(), false),
           QStringLiteral("library_type"));
    addRow(tr("Sample t&ype:"),
           addCombo(QStringLiteral("sample_type"),
                    QStringList{QString()} + MetadataBuilder::sampleTypes(), false),
           QStringLiteral("sample_type"));
    addRow(QString(), m_starred, StarredKey, false);
    addRow(tr("Cu&stom fields:"), m_custom, CustomKey, false);
    return form;
}

QLabel *SampleEditorPanel::errorLabel(const QString &key) {
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("error_") + key);
    label->setWordWrap(true);
    label->hide();
    m_errors.insert(key, label);
    return label;
}

QLabel *SampleEditorPanel::addSourceLabel(const QString &key) {
    auto *label = new QLabel;
    label->setObjectName(QStringLiteral("source_") + key);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::PlaceholderText);
    QFont small = label->font();
    small.setPointSizeF(small.pointSizeF() * 0.9);
    label->setFont(small);
    label->hide();
    m_sources.insert(key, label);
    return label;
}

void SampleEditorPanel::showSources(const QList<const SampleSpec *> &specs) {
    for (auto it = m_sources.cbegin(); it != m_sources.cend(); ++it) {
        const QString &key = it.key();
        bool fromSheet = !specs.isEmpty() && !m_dirty.contains(key);
        QString sheet = specs.isEmpty() ? QString() : specs.first()->sheetName;
        for (const SampleSpec *spec : specs) {
            fromSheet = fromSheet && spec->sheetFields.contains(key);
            if (!fromSheet)
                break;
            if (spec->sheetName != sheet)
                sheet.clear();
        }
        it.value()->setText(sheet.isEmpty() ? tr("From the sample sheets")
                                            : tr("From %1").arg(sheet));
        it.value()->setToolTip(
            tr("Set by the sample sheet. What you type here replaces it, and a sheet applied "
               "later leaves what you typed."));
        it.value()->setVisible(fromSheet);
    }
}

QLineEdit *SampleEditorPanel::addLine(const QString &key, int maxLength,
                                      const QString &placeholder) {
    auto *edit = new QLineEdit;
    edit->setObjectName(QStringLiteral("field_") + key);
    edit->setAccessibleName(key);
    // The length limits are One Codex's; refusing extra characters beats a 400 after upload.
    if (maxLength > 0)
        edit->setMaxLength(maxLength);
    edit->setPlaceholderText(placeholder);
    edit->setProperty("placeholder", placeholder);
    edit->setClearButtonEnabled(true);
    m_lines.insert(key, edit);
    connect(edit, &QLineEdit::textEdited, this, [this, key] { touch(key); });
    return edit;
}

QComboBox *SampleEditorPanel::addCombo(const QString &key, const QStringList &values,
                                       bool editable) {
    auto *combo = new QComboBox;
    combo->setObjectName(QStringLiteral("field_") + key);
    combo->setAccessibleName(key);
    combo->addItems(values);
    combo->setEditable(editable);
    // Long sequencer names must not widen the whole panel.
    combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    combo->setMinimumContentsLength(12);
    m_combos.insert(key, combo);
    connect(combo, &QComboBox::activated, this, [this, key] { touch(key); });
    if (editable)
        connect(combo->lineEdit(), &QLineEdit::textEdited, this, [this, key] { touch(key); });
    return combo;
}

QDateEdit *SampleEditorPanel::addDate(const QString &key) {
    auto *date = new QDateEdit;
    date->setObjectName(QStringLiteral("field_") + key);
    date->setAccessibleName(key);
    date->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    date->setCalendarPopup(true);
    date->setMinimumDate(NotSet);
    date->setSpecialValueText(tr("not set"));
    date->setDate(NotSet);
    m_dates.insert(key, date);
    connect(date, &QDateEdit::userDateChanged, this, [this, key] {
        if (!m_loading)
            touch(key);
    });
    return date;
}

QString SampleEditorPanel::fieldText(const QString &key) const {
    if (QLineEdit *e = m_lines.value(key))
        return e->text().trimmed();
    if (QComboBox *c = m_combos.value(key))
        return c->currentText().trimmed();
    if (QDateEdit *d = m_dates.value(key))
        return d->date() == NotSet ? QString() : d->date().toString(Qt::ISODate);
    if (key == StarredKey)
        return m_starred->checkState() == Qt::PartiallyChecked ? QString()
               : m_starred->isChecked()                        ? QStringLiteral("true")
                                                               : QStringLiteral("false");
    return {};
}

void SampleEditorPanel::validateField(const QString &key) {
    QLabel *label = m_errors.value(key);
    if (!label)
        return;
    const QString text = fieldText(key);
    const QString problem = text.isEmpty() ? QString() : MetadataBuilder::validate(key, text);
    if (problem.isEmpty())
        m_problems.remove(key);
    else
        m_problems.insert(key, problem);
    label->setText(problem);
    label->setVisible(!problem.isEmpty());
    if (QLineEdit *e = m_lines.value(key)) {
        e->setAccessibleDescription(problem);
        // The style's warning icon marks the field itself, beside the words under it.
        const QList<QAction *> old = e->actions();
        for (QAction *a : old)
            if (a->objectName() == QLatin1String("invalidMarker"))
                delete a;
        if (!problem.isEmpty()) {
            QAction *marker = e->addAction(style()->standardIcon(QStyle::SP_MessageBoxWarning),
                                           QLineEdit::TrailingPosition);
            marker->setObjectName(QStringLiteral("invalidMarker"));
            marker->setToolTip(problem);
        }
    }
}

QString SampleEditorPanel::problem() const {
    if (!m_problems.isEmpty())
        return m_problems.cbegin().value();
    return m_custom->problem();
}

void SampleEditorPanel::touch(const QString &key) {
    if (m_loading)
        return;
    m_dirty.insert(key);
    if (QLabel *source = m_sources.value(key))
        source->hide(); // typed now
    validateField(key);
    updateState();
}

void SampleEditorPanel::setProjects(const QList<Project> &projects) {
    m_projects = projects;
    m_loading = true;
    m_project->clear();
    m_project->addItem(tr("No project"), QString());
    for (const Project &p : projects)
        m_project->addItem(p.name.isEmpty() ? p.projectName : p.name, p.id);
    m_loading = false;
    if (!m_dirty.contains(ProjectKey))
        load();
}

void SampleEditorPanel::setKnownTags(const QStringList &tags) {
    m_tags->setKnownTags(tags);
}

void SampleEditorPanel::setSamples(const QList<SampleUpload *> &samples) {
    m_samples.clear();
    for (SampleUpload *s : samples)
        m_samples.append(s);
    m_dirty.clear();
    load();
}

void SampleEditorPanel::revert() {
    m_dirty.clear();
    load();
}

void SampleEditorPanel::load() {
    m_loading = true;
    QList<const SampleSpec *> specs;
    for (const QPointer<SampleUpload> &s : std::as_const(m_samples))
        if (s)
            specs.append(&s->spec());
    // A field shows its value when all selected samples agree, else stays empty with a hint.
    auto common = [&](auto getter, bool *mixed) {
        using T = decltype(getter(*specs.first()));
        T first = specs.isEmpty() ? T() : getter(*specs.first());
        *mixed = false;
        for (const SampleSpec *spec : specs)
            if (getter(*spec) != first)
                *mixed = true;
        return *mixed ? T() : first;
    };
    bool mixed = false;
    if (!specs.isEmpty()) {
        m_tags->setTags(common([](const SampleSpec &s) { return s.tags; }, &mixed));
        m_tags->setToolTip(mixed
                               ? tr("The selected samples have different tags; changing them here "
                                    "sets the same tags on all.")
                               : QString());
        const QString project = common([](const SampleSpec &s) { return s.projectId; }, &mixed);
        m_project->setPlaceholderText(tr("Several projects"));
        m_project->setCurrentIndex(mixed ? -1 : qMax(0, m_project->findData(project)));
        for (const QString &key : MetadataBuilder::knownFields()) {
            const QString text = common(
                [&key](const SampleSpec &s) { return valueText(s.metadata.value(key)); }, &mixed);
            if (QLineEdit *e = m_lines.value(key)) {
                e->setText(text);
                e->setPlaceholderText(mixed ? tr("Several values")
                                            : e->property("placeholder").toString());
            } else if (QComboBox *c = m_combos.value(key)) {
                if (c->isEditable())
                    c->setCurrentText(text);
                else
                    c->setCurrentIndex(qMax(0, c->findText(text)));
            } else if (QDateEdit *d = m_dates.value(key)) {
                const QDate date = QDate::fromString(text.left(10), Qt::ISODate);
                d->setDate(date.isValid() ? date : NotSet);
            } else if (key == StarredKey) {
                m_starred->setTristate(mixed);
                m_starred->setCheckState(mixed                           ? Qt::PartiallyChecked
                                         : text == QLatin1String("true") ? Qt::Checked
                                                                         : Qt::Unchecked);
            }
        }
        m_custom->setFields(common(
            [](const SampleSpec &s) { return s.metadata.value(CustomKey).toObject(); }, &mixed));
    }
    showSources(specs);
    m_loading = false;
    m_problems.clear();
    for (auto it = m_errors.cbegin(); it != m_errors.cend(); ++it)
        validateField(it.key());
    updateState();
}

void SampleEditorPanel::updateState() {
    int editable = 0;
    for (const QPointer<SampleUpload> &s : std::as_const(m_samples))
        editable += s && s->isEditable() ? 1 : 0;
    const int total = int(m_samples.size());
    if (total == 0)
        m_heading->setText(tr("Select samples in the list to describe them."));
    else if (editable == 0)
        m_heading->setText(tr("The selected samples are uploading or uploaded: their description "
                              "can no longer change."));
    else if (editable < total)
        m_heading->setText(
            tr("Describing %n sample(s); %1 already started and will keep their description.",
               nullptr, editable)
                .arg(total - editable));
    else
        m_heading->setText(tr("Describing %n selected sample(s).", nullptr, total));
    m_form->setEnabled(editable > 0);
    const QString p = problem();
    m_apply->setEnabled(editable > 0 && !m_dirty.isEmpty() && p.isEmpty());
    m_apply->setToolTip(p);
    m_revert->setEnabled(!m_dirty.isEmpty());
}

SampleDescription SampleEditorPanel::touchedDescription() const {
    SampleDescription description;
    if (m_dirty.contains(TagsKey))
        description.setTags(m_tags->tags());
    if (m_dirty.contains(ProjectKey) && m_project->currentIndex() >= 0)
        description.setProjectId(m_project->currentData().toString());
    for (const QString &key : MetadataBuilder::knownFields()) {
        if (!m_dirty.contains(key))
            continue;
        // An emptied field takes the value off; Apply is refused while any field is invalid.
        const QString text = fieldText(key);
        if (text.isEmpty())
            description.clearField(key);
        else
            description.setField(key, text);
    }
    if (m_dirty.contains(CustomKey))
        description.setCustomFields(m_custom->fields());
    return description;
}

int SampleEditorPanel::apply() {
    m_tags->commitPending();
    if (!problem().isEmpty() || m_dirty.isEmpty())
        return 0;
    const SampleDescription description = touchedDescription();
    int count = 0;
    int skipped = 0;
    for (const QPointer<SampleUpload> &s : std::as_const(m_samples)) {
        if (!s)
            continue;
        SampleSpec spec = s->spec();
        description.applyTo(spec);
        spec.markTyped(description.keys());
        if (s->setSpec(spec))
            ++count;
        else
            ++skipped;
    }
    m_dirty.clear();
    load();
    Q_EMIT applied(count, skipped);
    return count;
}

} // namespace SeqDrop
