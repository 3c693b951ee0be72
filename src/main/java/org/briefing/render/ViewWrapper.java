package org.briefing.render;

import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.DefaultListAdapter;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateHashModel;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateScalarModel;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.briefing.i18n.Localizer;

/**
 * How templates see the page views: a record's components are read straight through their
 * accessors, and the localizer's {@code l.t("key")} is a plain function of one string.
 *
 * <p>Freemarker's own bean model looks each name up in its class introspection, keeps a cache per
 * object and unwraps method arguments by overload resolution; on a 10,000-record build that was
 * about a third of the time spent in templates, for values that are all records. Anything else a
 * template asks of a record or the localizer (a method that is not a component) still goes to the
 * bean model, which also decides for records that are not public.
 */
final class ViewWrapper extends DefaultObjectWrapper {

  /** An accessor's arguments: passed as one array, not a new empty one on every call. */
  private static final Object[] NO_ARGUMENTS = {};

  /** Each public record class's component accessors by name, found once per class. */
  private final ClassValue<Map<String, Method>> accessors =
      new ClassValue<>() {
        @Override
        protected Map<String, Method> computeValue(Class<?> type) {
          if (!Modifier.isPublic(type.getModifiers())) {
            return Map.of(); // hidden from templates, as the bean model hides it
          }
          Map<String, Method> byName = new HashMap<>();
          for (RecordComponent component : type.getRecordComponents()) {
            Method accessor = component.getAccessor();
            // Checked once here rather than at every call: an unchecked invoke asks the JVM for
            // its caller by walking the stack, which the client compiler does not shortcut (1 % of
            // a 10,000-record build's samples). The class is public, so the check passes anyway.
            accessor.trySetAccessible();
            byName.put(component.getName(), accessor);
          }
          return byName;
        }
      };

  ViewWrapper(DefaultObjectWrapperBuilder settings) {
    super(settings, true);
  }

  /**
   * The values page views hold, tried first: the same models Freemarker makes for them, without
   * first asking each value whether it is a date or an array.
   */
  @Override
  public TemplateModel wrap(Object value) throws TemplateModelException {
    if (value instanceof String text) {
      return new SimpleScalar(text);
    } else if (value instanceof Record view) {
      return handleUnknownType(view);
    } else if (value instanceof List<?> list) {
      return DefaultListAdapter.adapt(list, this);
    } else if (value instanceof Boolean flag) {
      return flag ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
    }
    return super.wrap(value);
  }

  @Override
  protected TemplateModel handleUnknownType(Object value) throws TemplateModelException {
    if (value instanceof Record view) {
      Map<String, Method> components = accessors.get(view.getClass());
      if (!components.isEmpty()) {
        return new RecordModel(view, components);
      }
    } else if (value instanceof Localizer l) {
      return new LocalizerModel(l);
    }
    return super.handleUnknownType(value);
  }

  /** The bean model's answer, for a name this wrapper does not handle itself. */
  private TemplateModel asBean(Object value, String key) throws TemplateModelException {
    TemplateModel bean = super.handleUnknownType(value);
    return ((TemplateHashModel) bean).get(key);
  }

  private final class RecordModel
      implements MethodCallAwareTemplateHashModel, WrapperTemplateModel {
    private final Record view;
    private final Map<String, Method> components;

    RecordModel(Record view, Map<String, Method> components) {
      this.view = view;
      this.components = components;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      Method accessor = components.get(key);
      if (accessor == null) {
        return asBean(view, key);
      }
      try {
        return wrap(accessor.invoke(view, NO_ARGUMENTS));
      } catch (IllegalAccessException | InvocationTargetException e) {
        throw new TemplateModelException(
            "could not read " + key + " of " + view.getClass().getSimpleName(), e);
      }
    }

    /** {@code x.name(...)}: a call, whether of a component or another method, as the bean model. */
    @Override
    public TemplateModel getBeforeMethodCall(String key)
        throws TemplateModelException, ShouldNotBeGetAsMethodException {
      TemplateModel bean = ViewWrapper.super.handleUnknownType(view);
      return ((MethodCallAwareTemplateHashModel) bean).getBeforeMethodCall(key);
    }

    @Override
    public boolean isEmpty() {
      return false; // as the bean model answers for any object
    }

    @Override
    public Object getWrappedObject() {
      return view;
    }
  }

  private final class LocalizerModel implements TemplateHashModel {
    private final Localizer l;
    private final TemplateMethodModelEx t = this::translate;

    LocalizerModel(Localizer l) {
      this.l = l;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      if (!key.equals("t")) {
        return asBean(l, key);
      }
      return t;
    }

    private Object translate(List<?> arguments) throws TemplateModelException {
      if (arguments.size() != 1 || !(arguments.get(0) instanceof TemplateScalarModel key)) {
        throw new TemplateModelException("l.t takes one string, the key of a text in strings.yaml");
      }
      return wrap(l.t(key.getAsString()));
    }

    @Override
    public boolean isEmpty() {
      return false;
    }
  }
}
